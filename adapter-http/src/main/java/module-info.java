/** The HTTP face of Dream Diary: Javalin routes over the inbound ports, and the conventions every route shares. */
module org.dreamdiary.adapter.http {
    requires org.dreamdiary.application;
    requires io.javalin;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires org.slf4j;

    exports org.dreamdiary.adapter.http;
    exports org.dreamdiary.adapter.http.routing;
    exports org.dreamdiary.adapter.http.json;
    exports org.dreamdiary.adapter.http.request;
    exports org.dreamdiary.adapter.http.paging;
    exports org.dreamdiary.adapter.http.conditional;
    exports org.dreamdiary.adapter.http.problem;
    exports org.dreamdiary.adapter.http.ops;

    // Response bodies are records serialized by reflection.
    opens org.dreamdiary.adapter.http.problem to com.fasterxml.jackson.databind;
    opens org.dreamdiary.adapter.http.paging to com.fasterxml.jackson.databind;
    opens org.dreamdiary.adapter.http.ops to com.fasterxml.jackson.databind;
}
