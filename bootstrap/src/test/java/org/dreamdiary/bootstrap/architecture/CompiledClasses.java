package org.dreamdiary.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Imports by folder rather than by package, because the fixture lives under {@code org.dreamdiary} too and
 * breaks every rule: the real check must see the modules' main output only, the fixture check the fixture only.
 * Paths are relative to the bootstrap module, the working directory surefire gives the tests.
 */
final class CompiledClasses {
    static final String REAL_ROOT = "org.dreamdiary";
    static final String FIXTURE_ROOT = "org.dreamdiary.archfixture";

    // migrations is left out: it holds SQL and a module-info, nothing a rule could look at.
    private static final Map<String, Path> MODULES = modules();

    private static JavaClasses real;
    private static JavaClasses fixture;

    private CompiledClasses() {
    }

    private static Map<String, Path> modules() {
        Map<String, Path> modules = new LinkedHashMap<>();
        for (String module : new String[] {"domain", "application", "adapter-http", "adapter-persistence", "adapter-memory",
                "persistence-contract", "client"}) {
            modules.put(module, Path.of("..", module, "target", "classes"));
        }
        modules.put("bootstrap", Path.of("target", "classes"));
        return modules;
    }

    static synchronized JavaClasses real() {
        if (real == null) {
            ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
            MODULES.forEach((module, folder) -> {
                assertThat(Files.isDirectory(folder))
                        .as("%s is compiled to %s (build with -am)", module, folder.toAbsolutePath().normalize())
                        .isTrue();
                assertThat(importer.importPath(folder)).as("classes of %s in %s", module, folder).isNotEmpty();
            });
            real = importer.importPaths(MODULES.values());
        }
        return real;
    }

    static synchronized JavaClasses fixture() {
        if (fixture == null) {
            Path folder = Path.of("target", "test-classes", "org", "dreamdiary", "archfixture");
            fixture = new ClassFileImporter().importPath(folder);
            assertThat(fixture).as("fixture classes in %s", folder).isNotEmpty();
        }
        return fixture;
    }
}
