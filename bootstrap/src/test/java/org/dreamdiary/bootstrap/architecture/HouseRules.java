package org.dreamdiary.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rules of the house (ARCHITECTURE.md), each aimed at a root package, so that the same rule can be checked
 * against the real code ({@code org.dreamdiary}) and proven able to fail against a fixture tree that breaks it.
 */
final class HouseRules {
    /**
     * The shared pieces of the HTTP adapter, below {@code adapter.http}: the conventions every room uses, and the
     * public profile that two rooms show. Every other package there is a room: one context's routes and
     * representations ({@code planning}, {@code diary}, {@code chat}, ...) or one cross-cutting filter
     * ({@code ratelimit}, {@code idempotency}). Listing the shared pieces rather than the rooms makes a new package
     * a room until said otherwise.
     */
    private static final List<String> HTTP_SHARED_PIECES = List.of(
            "auth", "conditional", "json", "network", "observability", "paging", "problem", "profile", "request",
            "routing");

    /**
     * Every package below the root that a rule names. failOnEmptyShould covers only the classes a rule looks at;
     * a package a rule forbids could be renamed away and the rule would still pass, so the real check asserts
     * that each of these exists.
     */
    static final List<String> NAMED_PACKAGES = Stream.concat(Stream.of(
            "domain", "application", "application.port.in", "application.port.out", "application.service",
            "adapter.http", "adapter.persistence", "adapter.memory", "persistence.contract", "client", "bootstrap"),
            HTTP_SHARED_PIECES.stream().map(piece -> "adapter.http." + piece)).toList();

    private HouseRules() {
    }

    /** Libraries that belong to the adapters or to bootstrap, never to the core. */
    enum Library {
        JAVALIN("Javalin", "io.javalin.."),
        JACKSON("Jackson", "com.fasterxml.."),
        JDBI("JDBI", "org.jdbi.."),
        // java.sql is inside java.., so the java-only rules let it through; this one does not.
        JDBC("JDBC", "java.sql..", "javax.sql.."),
        HIKARI("HikariCP", "com.zaxxer.."),
        FLYWAY("Flyway", "org.flywaydb.."),
        JWT("java-jwt", "com.auth0.."),
        BCRYPT("bcrypt", "at.favre.."),
        JETTY("Jetty", "org.eclipse.jetty.."),
        MICROMETER("Micrometer", "io.micrometer.."),
        SLF4J("SLF4J", "org.slf4j..");

        final String title;
        final String[] packages;

        Library(String title, String... packages) {
            this.title = title;
            this.packages = packages;
        }

        @Override
        public String toString() {
            return title + " " + Arrays.toString(packages);
        }
    }

    static ArchRule domainDependsOnJavaOnly(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..")
                .as("the domain (" + root + ".domain..) depends on nothing but java.. and itself");
    }

    static ArchRule applicationDependsOnJavaAndDomainOnly(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + ".application..", root + ".domain..")
                .as("the application (" + root + ".application..) depends on nothing but java.., itself and the domain");
    }

    /** One rule per library, so that a failure names the library that leaked in its first line. */
    static ArchRule coreUsesNo(String root, Library library) {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(library.packages)
                .as("no " + library + " type in the domain or the application (" + root + ")");
    }

    /** A slice per adapter, so an adapter added later is covered without touching this rule. */
    static ArchRule adaptersDoNotDependOnEachOther(String root) {
        return slices().matching(root + ".adapter.(*)..")
                .should().notDependOnEachOther()
                .as("the adapters (" + root + ".adapter.*) do not depend on each other");
    }

    /**
     * An adapter plugs into the core and into nothing else of the house: not into bootstrap, which plugs it in, nor
     * into the contract kit, which only its tests run. (Each other adapter is the rule above.)
     */
    static ArchRule adaptersDependOnTheCoreNotOnTheHouse(String root) {
        return noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".bootstrap..", root + ".persistence.contract..")
                .as("the adapters (" + root + ".adapter..) depend on the core, never on bootstrap or the contract kit");
    }

    /** Every adapter implements something of the core; one that names no port of it is plugged into nothing. */
    static ArchRule everyAdapterUsesTheApplication(String root) {
        return slices().matching(root + ".adapter.(*)..")
                .should(useTheApplication(root))
                .as("every adapter (" + root + ".adapter.*) depends on the application (" + root + ".application..)");
    }

    private static ArchCondition<Slice> useTheApplication(String root) {
        return new ArchCondition<>("depend on the application") {
            @Override
            public void check(Slice slice, ConditionEvents events) {
                boolean uses = slice.getDependenciesFromSelf().stream()
                        .anyMatch(dependency -> dependency.getTargetClass().getPackageName().startsWith(root + ".application"));
                if (!uses) {
                    String adapter = slice.stream().map(JavaClass::getPackageName).min(Comparator.naturalOrder()).orElseThrow();
                    events.add(SimpleConditionEvent.violated(slice, "the adapter " + adapter + " uses nothing of "
                            + root + ".application"));
                }
            }
        };
    }

    /** The in-memory adapter needs no library at all: the JDK and the core. */
    static ArchRule memoryAdapterUsesJavaAndTheCoreOnly(String root) {
        return classes().that().resideInAPackage(root + ".adapter.memory..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + ".application..", root + ".domain..", root + ".adapter.memory..")
                .as("the memory adapter (" + root + ".adapter.memory..) depends on nothing but java.. and the core");
    }

    /** The kit runs under any adapter's tests, so it may bring along nothing but the ports and JUnit. */
    static ArchRule contractKitDependsOnTheCoreAndJUnitOnly(String root) {
        return classes().that().resideInAPackage(root + ".persistence.contract..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + ".application..", root + ".domain..", root + ".persistence.contract..",
                        "org.junit.jupiter.api..")
                .as("the contract kit (" + root + ".persistence.contract..) depends on nothing but java.., the core"
                        + " and JUnit's API");
    }

    /**
     * The Java client is used by applications that have none of the server: it may need the JDK (its HTTP client)
     * and Jackson, nothing else, and nothing of the server's modules.
     */
    static ArchRule clientDependsOnJavaAndJacksonOnly(String root) {
        return classes().that().resideInAPackage(root + ".client..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson..", root + ".client..")
                .as("the Java client (" + root + ".client..) depends on nothing but java.. and Jackson");
    }

    static ArchRule onlyBootstrapDependsOnAdapters(String root) {
        // Bounded to the root: "outside of" alone matches every class when the root names nothing, and passes.
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".adapter..", root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapter..")
                .as("nothing but bootstrap depends on an adapter (" + root + ".adapter..)");
    }

    /**
     * The rooms of the HTTP adapter depend on shared pieces, never on each other, with one exception: a room may
     * show another room's representation (a {@code ...Resource}) inside its own, as a dream shows the attachments it
     * holds and the export shows everything. Shared pieces depend on no room at all. The adapter's root package,
     * which mounts every room on one server, is no room.
     */
    static ArchRule httpRoomsDoNotDependOnEachOther(String root) {
        String http = root + ".adapter.http";
        DescribedPredicate<JavaClass> sharedPiece = JavaClass.Predicates.resideInAnyPackage(
                HTTP_SHARED_PIECES.stream().map(piece -> http + "." + piece + "..").toArray(String[]::new))
                .as("a shared piece " + HTTP_SHARED_PIECES);
        DescribedPredicate<JavaClass> representation = JavaClass.Predicates.simpleNameEndingWith("Resource")
                .as("a representation (*Resource)");
        return slices().matching(http + ".(*)..").namingSlices("http package '$1'")
                .should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), sharedPiece)
                .ignoreDependency(DescribedPredicate.not(sharedPiece), representation)
                .as("the rooms of the HTTP adapter (" + http + ".*) use shared pieces and each other's"
                        + " representations only, and shared pieces use no room");
    }

    /** Routes reach the core through inbound ports only; {@code security} (bcrypt, JWT) is the exception below. */
    static ArchRule httpAdapterReachesCoreOnlyThroughInboundPorts(String root) {
        return noClasses().that().resideInAPackage(root + ".adapter.http..")
                .and().resideOutsideOfPackage(root + ".adapter.http.security..")
                .should().dependOnClassesThat()
                .resideInAnyPackage(root + ".application.service..", root + ".application.port.out..")
                .as("the HTTP adapter (" + root + ".adapter.http..) reaches the core only through inbound ports,"
                        + " never through use-case implementations or outbound ports");
    }

    /**
     * ARCHITECTURE.md lets the password-hashing and token implementations of outbound ports live in adapter-http,
     * in its {@code security} package; they implement outbound ports and use nothing else of the core.
     */
    static ArchRule httpSecurityImplementsOutboundPortsOnly(String root) {
        return noClasses().that().resideInAPackage(root + ".adapter.http.security..")
                .should().dependOnClassesThat()
                .resideInAnyPackage(root + ".application.port.in..", root + ".application.service..")
                .as("the HTTP adapter's security package (" + root + ".adapter.http.security..) implements outbound"
                        + " ports only, never inbound ports or use-case implementations");
    }

    static ArchRule storageAdaptersImplementOutboundPortsOnly(String root) {
        return noClasses().that().resideInAnyPackage(root + ".adapter.persistence..", root + ".adapter.memory..")
                .should().dependOnClassesThat()
                .resideInAnyPackage(root + ".application.port.in..", root + ".application.service..")
                .as("the storage adapters (" + root + ".adapter.persistence.., " + root + ".adapter.memory..) know"
                        + " outbound ports only, never inbound ports or use-case implementations");
    }

    /**
     * Coarse: a slice per top-level package (both adapters share one; the adapter rule keeps them apart), so a
     * cycle that runs through different packages of two modules, and is no package cycle, is still seen.
     */
    static ArchRule noCyclesBetweenModules(String root) {
        return slices().matching(root + ".(*)..")
                .should().beFreeOfCycles()
                .as("no cycle between the top-level packages of " + root);
    }

    /** Fine: every package its own slice, so a cycle between two packages of one module fails too. */
    static ArchRule noCyclesBetweenPackages(String root) {
        return slices().matching(root + ".(**)")
                .should().beFreeOfCycles()
                .as("no cycle between any two packages under " + root);
    }

    static List<ArchRule> all(String root) {
        List<ArchRule> rules = new ArrayList<>(List.of(
                domainDependsOnJavaOnly(root),
                applicationDependsOnJavaAndDomainOnly(root),
                adaptersDoNotDependOnEachOther(root),
                adaptersDependOnTheCoreNotOnTheHouse(root),
                everyAdapterUsesTheApplication(root),
                memoryAdapterUsesJavaAndTheCoreOnly(root),
                contractKitDependsOnTheCoreAndJUnitOnly(root),
                clientDependsOnJavaAndJacksonOnly(root),
                httpRoomsDoNotDependOnEachOther(root),
                onlyBootstrapDependsOnAdapters(root),
                httpAdapterReachesCoreOnlyThroughInboundPorts(root),
                httpSecurityImplementsOutboundPortsOnly(root),
                storageAdaptersImplementOutboundPortsOnly(root),
                noCyclesBetweenModules(root),
                noCyclesBetweenPackages(root)));
        for (Library library : Library.values()) {
            rules.add(coreUsesNo(root, library));
        }
        return List.copyOf(rules);
    }
}
