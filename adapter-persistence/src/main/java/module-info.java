/** Storage ports implemented with JDBI on PostgreSQL. */
module org.dreamdiary.adapter.persistence {
    requires org.dreamdiary.application;
    requires org.jdbi.v3.core;
    requires java.sql;
    requires com.fasterxml.uuid;
    requires org.postgresql.jdbc;
    requires org.slf4j;

    exports org.dreamdiary.adapter.persistence to org.dreamdiary.bootstrap;
}
