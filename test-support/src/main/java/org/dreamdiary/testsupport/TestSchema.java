package org.dreamdiary.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One test class's own schema on the shared test server. */
public record TestSchema(String jdbcUrl, String user, String password, String name) {
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
