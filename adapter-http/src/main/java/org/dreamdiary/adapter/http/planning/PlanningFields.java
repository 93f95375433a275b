package org.dreamdiary.adapter.http.planning;

import static org.dreamdiary.adapter.http.json.FieldTypes.text;

import org.dreamdiary.adapter.http.json.FieldType;
import org.dreamdiary.domain.planning.Description;
import org.dreamdiary.domain.planning.Name;

/** The body fields dreams and goals share: both are named and described alike. */
final class PlanningFields {
    static final FieldType<Name> NAME = text(0, Name.MAX_LENGTH).then(Name::new);
    static final FieldType<Description> DESCRIPTION = text(0, Description.MAX_LENGTH).then(Description::new);

    private PlanningFields() {
    }
}
