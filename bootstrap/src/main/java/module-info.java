/** The composition root: reads configuration, provides the database, migrates it, wires and runs the service. */
module org.dreamdiary.bootstrap {
    requires org.dreamdiary.application;
    requires org.dreamdiary.adapter.http;
    requires org.dreamdiary.adapter.persistence;
    requires org.dreamdiary.adapter.memory;
    // Resolved so that Flyway finds the SQL scripts this module opens.
    requires org.dreamdiary.migrations;

    requires com.zaxxer.hikari;
    requires org.postgresql.jdbc;
    requires flyway.core;
    requires org.jdbi.v3.core;
    requires embedded.postgres;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires java.sql;
}
