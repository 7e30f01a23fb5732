package dev.tablewright.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core is a plain library: no UI toolkit, and nothing of the modules built on it. */
class CoreArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tablewright.core");

    @Test
    void coreNeverUsesJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(CORE);
    }

    @Test
    void coreNeverDependsOnTheCliOrTheApp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.tablewright.cli..", "dev.tablewright.app..").check(CORE);
    }

    @Test
    void onlyTheDialectsKnowTheJdbcDrivers() {
        noClasses().that().resideOutsideOfPackage("dev.tablewright.core.dialect..")
                .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "org.mariadb..", "com.mysql..", "org.sqlite..")
                .check(CORE);
    }
}
