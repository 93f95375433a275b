package org.dreamdiary.archfixture.adapter.http.planning;

/** A room's routes, with a field type of their own (an object, so that no compiler copies it into its users). */
public final class PlanningRoutes {
    public static final Object NAME_FIELD = new Object();

    private PlanningRoutes() {
    }
}
