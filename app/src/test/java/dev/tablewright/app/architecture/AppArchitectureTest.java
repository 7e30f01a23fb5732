package dev.tablewright.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The app stands on the core alone, and its ViewModels hold no nodes (STYLE.md). */
class AppArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tablewright.app");

    @Test
    void appNeverDependsOnTheCli() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.tablewright.cli..").check(APP);
    }

    @Test
    void viewModelsHoldNoNodesOrEvents() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.event..", "javafx.stage..")
                .check(APP);
    }

    @Test
    void appReachesDatabasesOnlyThroughTheCore() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "com.zaxxer..").check(APP);
    }
}
