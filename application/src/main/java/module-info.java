/** Use cases behind inbound ports, and the outbound ports through which they reach the outside. */
module org.dreamdiary.application {
    requires transitive org.dreamdiary.domain;

    exports org.dreamdiary.application.change;
    exports org.dreamdiary.application.chat;
    exports org.dreamdiary.application.diary;
    exports org.dreamdiary.application.idempotency;
    exports org.dreamdiary.application.planning;
    exports org.dreamdiary.application.page;
    exports org.dreamdiary.application.port.in;
    exports org.dreamdiary.application.port.in.attachment;
    exports org.dreamdiary.application.port.in.chat;
    exports org.dreamdiary.application.port.in.diary;
    exports org.dreamdiary.application.port.in.idempotency;
    exports org.dreamdiary.application.port.in.planning;
    exports org.dreamdiary.application.port.in.user;
    exports org.dreamdiary.application.port.out;
    exports org.dreamdiary.application.port.out.attachment;
    exports org.dreamdiary.application.port.out.chat;
    exports org.dreamdiary.application.port.out.diary;
    exports org.dreamdiary.application.port.out.idempotency;
    exports org.dreamdiary.application.port.out.planning;
    exports org.dreamdiary.application.port.out.user;
    // Only the composition root builds services; adapters see the ports.
    exports org.dreamdiary.application.service to org.dreamdiary.bootstrap;
    exports org.dreamdiary.application.service.attachment to org.dreamdiary.bootstrap;
    exports org.dreamdiary.application.service.chat to org.dreamdiary.bootstrap;
    exports org.dreamdiary.application.service.diary to org.dreamdiary.bootstrap;
    exports org.dreamdiary.application.service.idempotency to org.dreamdiary.bootstrap;
    exports org.dreamdiary.application.service.planning to org.dreamdiary.bootstrap;
    exports org.dreamdiary.application.service.user to org.dreamdiary.bootstrap;
}
