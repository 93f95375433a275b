/**
 * The typed Java client of the Dream Diary HTTP API. Start at {@link org.dreamdiary.client.DreamDiaryClient}.
 * It reads nothing of the server: the JDK's HTTP client and Jackson are all it needs.
 */
module org.dreamdiary.client {
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;

    exports org.dreamdiary.client;
    exports org.dreamdiary.client.api;
    exports org.dreamdiary.client.call;
    exports org.dreamdiary.client.error;
    exports org.dreamdiary.client.model;

    // Jackson reads and writes the records of the model, and the problem details of errors, and the internal shapes of answers.
    opens org.dreamdiary.client.model to com.fasterxml.jackson.databind;
    opens org.dreamdiary.client.error to com.fasterxml.jackson.databind;
    opens org.dreamdiary.client.internal to com.fasterxml.jackson.databind;
}
