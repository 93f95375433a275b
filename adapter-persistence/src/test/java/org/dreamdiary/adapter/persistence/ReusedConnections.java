package org.dreamdiary.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.dreamdiary.testsupport.TestSchema;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Connections kept open from one handle to the next, as the service's pool keeps them: opening a connection costs
 * more than most statements these tests send, and tests that post hundreds of messages would mostly wait for that.
 */
final class ReusedConnections implements ConnectionFactory {
    private final TestSchema schema;
    private final Queue<Connection> idle = new ConcurrentLinkedQueue<>();

    ReusedConnections(TestSchema schema) {
        this.schema = schema;
    }

    @Override
    public Connection openConnection() throws SQLException {
        Connection reused = idle.poll();
        return reused != null ? reused : schema.connect();
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        if (!connection.getAutoCommit()) {
            // JDBI ends its transactions itself; a connection still inside one is not handed out again
            connection.close();
            return;
        }
        idle.offer(connection);
    }
}
