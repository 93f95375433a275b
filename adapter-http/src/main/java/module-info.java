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
    requires bcrypt;
    requires com.auth0.jwt;

    // Only the composition root builds the server; the pieces inside stay private to this module.
    exports org.dreamdiary.adapter.http to org.dreamdiary.bootstrap;
    exports org.dreamdiary.adapter.http.routing to org.dreamdiary.bootstrap;
    exports org.dreamdiary.adapter.http.ops to org.dreamdiary.bootstrap;
    exports org.dreamdiary.adapter.http.auth to org.dreamdiary.bootstrap;
    exports org.dreamdiary.adapter.http.planning to org.dreamdiary.bootstrap;
    exports org.dreamdiary.adapter.http.diary to org.dreamdiary.bootstrap;
    exports org.dreamdiary.adapter.http.security to org.dreamdiary.bootstrap;
    exports org.dreamdiary.adapter.http.user to org.dreamdiary.bootstrap;
    exports org.dreamdiary.adapter.http.chat to org.dreamdiary.bootstrap;
    exports org.dreamdiary.adapter.http.idempotency to org.dreamdiary.bootstrap;
    exports org.dreamdiary.adapter.http.network to org.dreamdiary.bootstrap;
    exports org.dreamdiary.adapter.http.ratelimit to org.dreamdiary.bootstrap;
    exports org.dreamdiary.adapter.http.attachment to org.dreamdiary.bootstrap;
    exports org.dreamdiary.adapter.http.request to org.dreamdiary.bootstrap;

    // Response bodies are records serialized by reflection.
    opens org.dreamdiary.adapter.http.problem to com.fasterxml.jackson.databind;
    opens org.dreamdiary.adapter.http.paging to com.fasterxml.jackson.databind;
    opens org.dreamdiary.adapter.http.ops to com.fasterxml.jackson.databind;
    opens org.dreamdiary.adapter.http.user to com.fasterxml.jackson.databind;
    opens org.dreamdiary.adapter.http.planning to com.fasterxml.jackson.databind;
    opens org.dreamdiary.adapter.http.diary to com.fasterxml.jackson.databind;
    opens org.dreamdiary.adapter.http.attachment to com.fasterxml.jackson.databind;
    opens org.dreamdiary.adapter.http.profile to com.fasterxml.jackson.databind;
    opens org.dreamdiary.adapter.http.chat to com.fasterxml.jackson.databind;
}
