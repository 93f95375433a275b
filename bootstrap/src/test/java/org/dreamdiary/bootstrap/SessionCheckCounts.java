package org.dreamdiary.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dreamdiary.testsupport.http.ApiClient;

/** How a node checked the sessions of access tokens so far, as its {@code /metrics} tells. */
final class SessionCheckCounts {
    static final String MEMORY = "memory";
    static final String DATABASE = "database";

    private SessionCheckCounts() {
    }

    /** The checks answered by {@code answeredBy}: {@link #MEMORY} or {@link #DATABASE}. */
    static long of(ApiClient node, String answeredBy) {
        Matcher figure = Pattern.compile("^dreamdiary_session_checks_total\\{answered_by=\"" + answeredBy
                + "\"[^}]*} ([0-9.E]+)$", Pattern.MULTILINE).matcher(node.get("/metrics").text());
        assertThat(figure.find()).as("the %s counter in /metrics", answeredBy).isTrue();
        return (long) Double.parseDouble(figure.group(1));
    }
}
