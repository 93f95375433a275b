/** The heart of Dream Diary: entities, value objects and their rules. Depends on java.base alone. */
module org.dreamdiary.domain {
    exports org.dreamdiary.domain.attachment;
    exports org.dreamdiary.domain.error;
    exports org.dreamdiary.domain.text;
    exports org.dreamdiary.domain.user;
    exports org.dreamdiary.domain.planning;
    exports org.dreamdiary.domain.diary;
    exports org.dreamdiary.domain.chat;
}
