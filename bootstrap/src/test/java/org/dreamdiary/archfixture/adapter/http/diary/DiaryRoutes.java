package org.dreamdiary.archfixture.adapter.http.diary;

import org.dreamdiary.archfixture.adapter.http.planning.PlanningRoutes;
import org.dreamdiary.archfixture.adapter.http.routing.Router;

/** Exists to be caught: a room reaching into another room's routes for a field type; its router is a shared piece. */
public final class DiaryRoutes {
    Object title = PlanningRoutes.NAME_FIELD;
    Router router;
}
