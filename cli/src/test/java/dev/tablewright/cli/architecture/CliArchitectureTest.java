package dev.tablewright.cli.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The command line stands on the core alone: no app, no UI toolkit, no JDBC of its own. */
class CliArchitectureTest {
    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tablewright.cli");

    @Test
    void cliNeverDependsOnTheApp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.tablewright.app..", "javafx..").check(CLI);
    }

    @Test
    void cliReachesDatabasesOnlyThroughTheCore() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "com.zaxxer..", "dev.tablewright.core.dialect..")
                .check(CLI);
    }
}
