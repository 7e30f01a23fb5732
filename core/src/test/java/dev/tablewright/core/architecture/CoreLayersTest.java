package dev.tablewright.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The core's packages layer one way (docs/architecture.md): basic types at the bottom, the facade
 * on top, nothing importing upward and no two packages importing each other.
 */
class CoreLayersTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tablewright.core");

    @Test
    void corePackagesAreFreeOfCycles() {
        slices().matching("dev.tablewright.core.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theBottomLayerImportsNothingOfTheCoreAboveIt() {
        classes().that().resideInAnyPackage("dev.tablewright.core.base..", "dev.tablewright.core.lex..", "dev.tablewright.core.callfile..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.tablewright.core.base..", "dev.tablewright.core.lex..",
                        "dev.tablewright.core.callfile..",
                        "java..", "com.fasterxml.jackson..", "org.modeshape..")
                .check(CORE);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Facade").definedBy("dev.tablewright.core")
                .layer("Features").definedBy("dev.tablewright.core.relation..", "dev.tablewright.core.history..")
                .layer("RawSql").definedBy("dev.tablewright.core.sql..")
                .layer("Query").definedBy("dev.tablewright.core.query..")
                .layer("Filter").definedBy("dev.tablewright.core.filter..")
                .layer("Schema").definedBy("dev.tablewright.core.schema..")
                .layer("Connect").definedBy("dev.tablewright.core.connect..")
                .layer("Dialect").definedBy("dev.tablewright.core.dialect..")
                .layer("Base").definedBy("dev.tablewright.core.base..", "dev.tablewright.core.lex..", "dev.tablewright.core.callfile..")
                .whereLayer("Facade").mayNotBeAccessedByAnyLayer()
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Facade")
                .whereLayer("RawSql").mayOnlyBeAccessedByLayers("Facade")
                .whereLayer("Query").mayOnlyBeAccessedByLayers("Features", "Facade")
                .whereLayer("Filter").mayOnlyBeAccessedByLayers("Query", "Features", "Facade")
                .whereLayer("Schema").mayOnlyBeAccessedByLayers("Filter", "Query", "Features", "Facade")
                .whereLayer("Connect").mayOnlyBeAccessedByLayers("Schema", "Filter", "Query", "Features", "RawSql", "Facade")
                .whereLayer("Dialect").mayOnlyBeAccessedByLayers("Connect", "Schema", "Filter", "Query", "Features", "RawSql", "Facade")
                .check(CORE);
    }
}
