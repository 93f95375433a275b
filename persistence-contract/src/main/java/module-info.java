/**
 * The contract kit: what every implementation of the storage ports promises, as abstract JUnit 5 tests. It
 * depends on the ports and JUnit only, so that any adapter can run it.
 */
module org.dreamdiary.persistence.contract {
    requires transitive org.dreamdiary.application;
    requires transitive org.junit.jupiter.api;

    exports org.dreamdiary.persistence.contract;
    // JUnit calls the tests, and the lifecycle methods of the base class, reflectively.
    opens org.dreamdiary.persistence.contract to org.junit.platform.commons;
}
