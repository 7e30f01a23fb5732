package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A new row of a table with a mandatory link starts from the parent picked for it. */
class NewRowParentsViewModelTest {
    Connector db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    GridViewModel employees(String dialect) {
        db = new Connector();
        db.create(TestDatabases.fresh(dialect).options());
        db.defineTable("companies", Map.of("name", "string"));
        db.defineTable("teams", Map.of("name", "string"));
        db.defineTable("employees", Map.of("name", "string"));
        db.mandatorilyHasOne("employees", "companies", null);
        db.optionallyHasOne("employees", "teams", null);
        db.addRow("companies", Map.of("name", "Acme"));
        db.addRow("companies", Map.of("name", "Globex"));
        GridViewModel vm = new GridViewModel(db, "employees", new SameThreadTaskExecutor(), new RecordingDialogService());
        vm.open();
        return vm;
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.LinkedFixtures#dialects")
    void aNewEmployeeStartsFromTheCompanyPickedAndIsSavedWithIt(String dialect) {
        GridViewModel vm = employees(dialect);
        assertEquals(List.of("companyId"), vm.mandatoryParents(), "the optional team is not asked for");
        ParentPickerViewModel picker = vm.picker("companyId").orElseThrow();
        picker.searchProperty().set("glob");
        ParentPickerViewModel.Choice globex = picker.choices().get(0);

        GridRow draft = vm.addRow(Map.of("companyId", globex));

        assertEquals(globex.key(), draft.value("companyId"));
        assertEquals("Globex", draft.label("companyId").text());
        assertEquals(draft, vm.rowsProperty().get().get(0));
        vm.edit(draft, "name", "Ada");
        vm.saveAll();

        assertEquals("Row added.", vm.messageProperty().get());
        Map<String, Object> ada = db.findRow("employees", ReadOptions.filter(List.of("name", "=", "Ada")).toBuilder().autoJoin(false).build());
        assertEquals(globex.key(), ada.get("companyId"));
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.LinkedFixtures#dialects")
    void aTableWithoutMandatoryLinksAsksForNoParent(String dialect) {
        GridViewModel vm = employees(dialect);
        GridViewModel companies = new GridViewModel(db, "companies", new SameThreadTaskExecutor(), new RecordingDialogService());
        companies.open();

        assertEquals(List.of(), companies.mandatoryParents());
        assertEquals(List.of("companyId"), vm.mandatoryParents());
    }
}
