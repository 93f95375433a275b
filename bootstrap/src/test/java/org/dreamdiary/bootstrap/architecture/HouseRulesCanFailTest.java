package org.dreamdiary.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.bootstrap.architecture.CompiledClasses.FIXTURE_ROOT;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.dreamdiary.archfixture.adapter.http.CallsService;
import org.dreamdiary.archfixture.adapter.http.DreamRoutes;
import org.dreamdiary.archfixture.adapter.http.UsesOutboundPort;
import org.dreamdiary.archfixture.adapter.http.attachment.AttachmentRoutes;
import org.dreamdiary.archfixture.adapter.http.diary.DiaryRoutes;
import org.dreamdiary.archfixture.adapter.http.planning.DreamResource;
import org.dreamdiary.archfixture.adapter.http.planning.PlanningRoutes;
import org.dreamdiary.archfixture.adapter.http.profile.UserProfiles;
import org.dreamdiary.archfixture.adapter.http.security.FixturePasswordHasher;
import org.dreamdiary.archfixture.adapter.http.security.SecurityCallsService;
import org.dreamdiary.archfixture.adapter.memory.ImplementsUseCase;
import org.dreamdiary.archfixture.adapter.memory.LogsWithSlf4j;
import org.dreamdiary.archfixture.adapter.memory.MemoryDreams;
import org.dreamdiary.archfixture.adapter.memory.ReachesIntoKit;
import org.dreamdiary.archfixture.adapter.memory.UsesPersistenceAdapter;
import org.dreamdiary.archfixture.adapter.unplugged.Unplugged;
import org.dreamdiary.archfixture.adapter.http.problem.ErrorMapper;
import org.dreamdiary.archfixture.adapter.http.routing.Router;
import org.dreamdiary.archfixture.adapter.persistence.ImplementsInboundPort;
import org.dreamdiary.archfixture.adapter.persistence.JdbiDreams;
import org.dreamdiary.archfixture.adapter.persistence.UsesHttpAdapter;
import org.dreamdiary.archfixture.application.service.LeaksEveryOtherLibrary;
import org.dreamdiary.archfixture.application.service.RecordDreamService;
import org.dreamdiary.archfixture.application.service.UsesJdbi;
import org.dreamdiary.archfixture.client.ReadsWithJackson;
import org.dreamdiary.archfixture.client.UsesTheServersDomain;
import org.dreamdiary.archfixture.domain.Dream;
import org.dreamdiary.archfixture.domain.JavalinInDomain;
import org.dreamdiary.archfixture.domain.ReachesIntoHttpAdapter;
import org.dreamdiary.archfixture.persistence.contract.DreamsContract;
import org.dreamdiary.archfixture.persistence.contract.NamesAnAdapter;
import org.dreamdiary.archfixture.persistence.contract.UsesJdbiInKit;
import org.dreamdiary.bootstrap.architecture.HouseRules.Library;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rule that cannot fail proves nothing: each rule is aimed at the fixture tree, which breaks it on purpose,
 * and must fail naming the offender. Where the fixture also holds a well-behaved class, the failure must not
 * name it, so a rule that simply flags everything would not pass either.
 */
class HouseRulesCanFailTest {
    private static JavaClasses fixture;

    @BeforeAll
    static void importTheFixture() {
        fixture = CompiledClasses.fixture();
    }

    @Test
    void givenJavalinInDomain_whenCheckingDomain_thenRuleFails() {
        assertFails(HouseRules.domainDependsOnJavaOnly(FIXTURE_ROOT), JavalinInDomain.class)
                .hasMessageContaining("io.javalin.http.Context");
    }

    @Test
    void givenDomainUsingAnAdapter_whenCheckingDomain_thenRuleFails() {
        assertFails(HouseRules.domainDependsOnJavaOnly(FIXTURE_ROOT), ReachesIntoHttpAdapter.class);
    }

    @Test
    void givenJdbiInApplicationService_whenCheckingApplication_thenRuleFails() {
        assertFails(HouseRules.applicationDependsOnJavaAndDomainOnly(FIXTURE_ROOT), UsesJdbi.class)
                .hasMessageContaining("org.jdbi.v3.core.Jdbi")
                .hasMessageNotContaining(RecordDreamService.class.getName());
    }

    @ParameterizedTest(name = "given {2} in the core, the rule against {0} fails")
    @MethodSource("leaks")
    void givenLibraryTypeInCore_whenChecked_thenRuleNamingThatLibraryFails(
            Library library, Class<?> offender, String leakedType) {
        assertFails(HouseRules.coreUsesNo(FIXTURE_ROOT, library), offender)
                .hasMessageContaining(library.title)
                .hasMessageContaining(leakedType);
    }

    // java-jwt (com.auth0..) and bcrypt (at.favre..) are on no module's classpath yet, so no fixture can use them
    // and those two patterns stand unproven; add a row for each when adapter-http brings them in.
    static Stream<Arguments> leaks() {
        return Stream.of(
                Arguments.of(Library.JAVALIN, JavalinInDomain.class, "io.javalin.http.Context"),
                Arguments.of(Library.JDBI, UsesJdbi.class, "org.jdbi.v3.core.Jdbi"),
                Arguments.of(Library.JACKSON, LeaksEveryOtherLibrary.class, "com.fasterxml.jackson.databind.ObjectMapper"),
                Arguments.of(Library.JDBC, LeaksEveryOtherLibrary.class, "java.sql.Connection"),
                Arguments.of(Library.JDBC, LeaksEveryOtherLibrary.class, "javax.sql.DataSource"),
                Arguments.of(Library.HIKARI, LeaksEveryOtherLibrary.class, "com.zaxxer.hikari.HikariDataSource"),
                Arguments.of(Library.FLYWAY, LeaksEveryOtherLibrary.class, "org.flywaydb.core.Flyway"),
                Arguments.of(Library.JETTY, LeaksEveryOtherLibrary.class, "org.eclipse.jetty.server.Server"),
                Arguments.of(Library.MICROMETER, LeaksEveryOtherLibrary.class, "io.micrometer.core.instrument.MeterRegistry"),
                Arguments.of(Library.SLF4J, LeaksEveryOtherLibrary.class, "org.slf4j.Logger"));
    }

    @Test
    void givenPersistenceAdapterUsingHttpAdapter_whenChecked_thenAdaptersRuleFails() {
        assertFails(HouseRules.adaptersDoNotDependOnEachOther(FIXTURE_ROOT), UsesHttpAdapter.class);
    }

    @Test
    void givenAnHttpRoomReachingIntoAnotherRoomsRoutes_whenChecked_thenRoomsRuleFails() {
        assertFails(HouseRules.httpRoomsDoNotDependOnEachOther(FIXTURE_ROOT), DiaryRoutes.class)
                .hasMessageContaining(PlanningRoutes.class.getName())
                // showing another room's representation is allowed, and so is using a shared piece
                .hasMessageNotContaining(DreamResource.class.getName())
                .hasMessageNotContaining("Field <" + DiaryRoutes.class.getName() + ".router>");
    }

    @Test
    void givenAnHttpSharedPieceUsingARoom_whenChecked_thenRoomsRuleFails() {
        assertFails(HouseRules.httpRoomsDoNotDependOnEachOther(FIXTURE_ROOT), UserProfiles.class)
                .hasMessageContaining(AttachmentRoutes.class.getName());
    }

    @Test
    void givenDomainUsingAnAdapter_whenCheckingWhoUsesAdapters_thenRuleFails() {
        assertFails(HouseRules.onlyBootstrapDependsOnAdapters(FIXTURE_ROOT), ReachesIntoHttpAdapter.class);
    }

    @Test
    void givenHttpAdapterHoldingUseCaseImplementation_whenChecked_thenInboundPortRuleFails() {
        assertFails(HouseRules.httpAdapterReachesCoreOnlyThroughInboundPorts(FIXTURE_ROOT), CallsService.class)
                .hasMessageNotContaining(DreamRoutes.class.getName());
    }

    @Test
    void givenHttpAdapterUsingOutboundPort_whenChecked_thenInboundPortRuleFails() {
        assertFails(HouseRules.httpAdapterReachesCoreOnlyThroughInboundPorts(FIXTURE_ROOT), UsesOutboundPort.class)
                .hasMessageNotContaining(DreamRoutes.class.getName())
                // the security package may implement outbound ports
                .hasMessageNotContaining(FixturePasswordHasher.class.getName());
    }

    @Test
    void givenHttpSecurityCallingAUseCase_whenChecked_thenSecurityRuleFails() {
        assertFails(HouseRules.httpSecurityImplementsOutboundPortsOnly(FIXTURE_ROOT), SecurityCallsService.class)
                .hasMessageNotContaining(FixturePasswordHasher.class.getName());
    }

    @Test
    void givenPersistenceAdapterImplementingInboundPort_whenChecked_thenOutboundPortRuleFails() {
        assertFails(HouseRules.storageAdaptersImplementOutboundPortsOnly(FIXTURE_ROOT), ImplementsInboundPort.class)
                .hasMessageNotContaining(JdbiDreams.class.getName());
    }

    @Test
    void givenMemoryAdapterImplementingInboundPort_whenChecked_thenOutboundPortRuleFails() {
        assertFails(HouseRules.storageAdaptersImplementOutboundPortsOnly(FIXTURE_ROOT), ImplementsUseCase.class)
                .hasMessageNotContaining(MemoryDreams.class.getName());
    }

    @Test
    void givenMemoryAdapterUsingPersistenceAdapter_whenChecked_thenAdaptersRuleFails() {
        assertFails(HouseRules.adaptersDoNotDependOnEachOther(FIXTURE_ROOT), UsesPersistenceAdapter.class);
    }

    @Test
    void givenAdapterUsingTheContractKit_whenChecked_thenHouseRuleFails() {
        assertFails(HouseRules.adaptersDependOnTheCoreNotOnTheHouse(FIXTURE_ROOT), ReachesIntoKit.class)
                .hasMessageNotContaining(MemoryDreams.class.getName());
    }

    @Test
    void givenAdapterUsingNothingOfTheApplication_whenChecked_thenPluggedInRuleFails() {
        assertFails(HouseRules.everyAdapterUsesTheApplication(FIXTURE_ROOT), Unplugged.class.getPackageName())
                .hasMessageNotContaining(MemoryDreams.class.getPackageName() + " uses nothing")
                .hasMessageNotContaining(JdbiDreams.class.getPackageName() + " uses nothing");
    }

    @Test
    void givenMemoryAdapterUsingALibrary_whenChecked_thenJavaAndCoreOnlyRuleFails() {
        assertFails(HouseRules.memoryAdapterUsesJavaAndTheCoreOnly(FIXTURE_ROOT), LogsWithSlf4j.class)
                .hasMessageContaining("org.slf4j.Logger")
                .hasMessageNotContaining("<" + MemoryDreams.class.getName() + ">");
    }

    @Test
    void givenKitUsingAnAdaptersLibrary_whenChecked_thenKitRuleFails() {
        assertFails(HouseRules.contractKitDependsOnTheCoreAndJUnitOnly(FIXTURE_ROOT), UsesJdbiInKit.class)
                .hasMessageContaining("org.jdbi.v3.core.Jdbi")
                .hasMessageNotContaining("<" + DreamsContract.class.getName() + ">");
    }

    @Test
    void givenClientUsingTheServersDomain_whenChecked_thenClientRuleFails() {
        assertFails(HouseRules.clientDependsOnJavaAndJacksonOnly(FIXTURE_ROOT), UsesTheServersDomain.class)
                .hasMessageContaining(Dream.class.getName())
                .hasMessageNotContaining("<" + ReadsWithJackson.class.getName() + ">");
    }

    @Test
    void givenKitNamingAConcreteAdapter_whenChecked_thenOnlyBootstrapRuleFails() {
        assertFails(HouseRules.onlyBootstrapDependsOnAdapters(FIXTURE_ROOT), NamesAnAdapter.class)
                .hasMessageNotContaining(DreamsContract.class.getName());
    }

    @Test
    void givenCycleBetweenDomainAndHttpAdapter_whenCheckingModules_thenRuleFails() {
        assertFails(HouseRules.noCyclesBetweenModules(FIXTURE_ROOT), ReachesIntoHttpAdapter.class);
    }

    @Test
    void givenCycleBetweenTwoPackagesOfOneModule_whenCheckingPackages_thenRuleFails() {
        assertFails(HouseRules.noCyclesBetweenPackages(FIXTURE_ROOT), Router.class)
                .hasMessageContaining(ErrorMapper.class.getName());
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(ArchRule rule, Class<?> offender) {
        return assertFails(rule, offender.getName());
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(ArchRule rule, String offender) {
        return assertThatThrownBy(() -> rule.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender);
    }
}
