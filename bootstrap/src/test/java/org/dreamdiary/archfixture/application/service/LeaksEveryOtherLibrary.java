package org.dreamdiary.archfixture.application.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.jetty.server.Server;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;

/**
 * Exists to be caught: one field per outside library that has no fixture of its own, so that each library's
 * package pattern in {@code HouseRules.Library} is proven to match.
 */
public final class LeaksEveryOtherLibrary {
    ObjectMapper jackson;
    Connection jdbc;
    DataSource jdbcExtension;
    HikariDataSource hikari;
    Flyway flyway;
    Server jetty;
    MeterRegistry micrometer;
    Logger slf4j;
}
