/**
 * Flyway's SQL migrations and nothing else. The package is opened (unqualified) so that Flyway,
 * scanning through the class loader, can read the scripts inside this named module.
 */
module org.dreamdiary.migrations {
    opens db.migration;
}
