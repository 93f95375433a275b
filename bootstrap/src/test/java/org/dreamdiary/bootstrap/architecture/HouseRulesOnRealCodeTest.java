package org.dreamdiary.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dreamdiary.bootstrap.architecture.CompiledClasses.REAL_ROOT;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.dreamdiary.bootstrap.architecture.HouseRules.Library;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

class HouseRulesOnRealCodeTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importTheCompiledModules() {
        classes = CompiledClasses.real();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("org.dreamdiary.bootstrap.architecture.HouseRules#NAMED_PACKAGES")
    void everyPackageTheRulesNameExists(String relativePackage) {
        assertThat(classes.containPackage(REAL_ROOT + "." + relativePackage))
                .as("%s.%s exists", REAL_ROOT, relativePackage)
                .isTrue();
    }

    @Test
    void domainDependsOnJavaOnly() {
        HouseRules.domainDependsOnJavaOnly(REAL_ROOT).check(classes);
    }

    @Test
    void applicationDependsOnJavaAndDomainOnly() {
        HouseRules.applicationDependsOnJavaAndDomainOnly(REAL_ROOT).check(classes);
    }

    @ParameterizedTest(name = "domain and application use no {0}")
    @EnumSource(Library.class)
    void domainAndApplicationUseNo(Library library) {
        HouseRules.coreUsesNo(REAL_ROOT, library).check(classes);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        HouseRules.adaptersDoNotDependOnEachOther(REAL_ROOT).check(classes);
    }

    @Test
    void httpRoomsDoNotDependOnEachOther() {
        HouseRules.httpRoomsDoNotDependOnEachOther(REAL_ROOT).check(classes);
    }

    @Test
    void onlyBootstrapDependsOnAdapters() {
        HouseRules.onlyBootstrapDependsOnAdapters(REAL_ROOT).check(classes);
    }

    @Test
    void httpAdapterReachesCoreOnlyThroughInboundPorts() {
        HouseRules.httpAdapterReachesCoreOnlyThroughInboundPorts(REAL_ROOT).check(classes);
    }

    @Test
    void httpSecurityImplementsOutboundPortsOnly() {
        HouseRules.httpSecurityImplementsOutboundPortsOnly(REAL_ROOT).check(classes);
    }

    @Test
    void storageAdaptersImplementOutboundPortsOnly() {
        HouseRules.storageAdaptersImplementOutboundPortsOnly(REAL_ROOT).check(classes);
    }

    @Test
    void adaptersDependOnTheCoreNotOnTheHouse() {
        HouseRules.adaptersDependOnTheCoreNotOnTheHouse(REAL_ROOT).check(classes);
    }

    @Test
    void everyAdapterUsesTheApplication() {
        HouseRules.everyAdapterUsesTheApplication(REAL_ROOT).check(classes);
    }

    @Test
    void memoryAdapterUsesJavaAndTheCoreOnly() {
        HouseRules.memoryAdapterUsesJavaAndTheCoreOnly(REAL_ROOT).check(classes);
    }

    @Test
    void contractKitDependsOnTheCoreAndJUnitOnly() {
        HouseRules.contractKitDependsOnTheCoreAndJUnitOnly(REAL_ROOT).check(classes);
    }

    @Test
    void clientDependsOnJavaAndJacksonOnly() {
        HouseRules.clientDependsOnJavaAndJacksonOnly(REAL_ROOT).check(classes);
    }

    @Test
    void noCyclesBetweenModules() {
        HouseRules.noCyclesBetweenModules(REAL_ROOT).check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        HouseRules.noCyclesBetweenPackages(REAL_ROOT).check(classes);
    }
}
