package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A row's many-to-many links: counted in the Related menu, listed a page at a time, linked through the picker, unlinked. */
class LinkedRowsViewModelTest {
    LinkedFixtures f;

    @AfterEach
    void close() {
        if (f != null) {
            f.db.close();
        }
    }

    GridViewModel posts(String dialect) {
        f = LinkedFixtures.on(dialect);
        GridViewModel vm = new GridViewModel(f.db, "posts", new SameThreadTaskExecutor(), new RecordingDialogService());
        vm.open();
        return vm;
    }

    static List<String> labels(LinkedRowsViewModel linked) {
        return linked.rows().stream().map(ParentPickerViewModel.Choice::label).toList();
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.LinkedFixtures#dialects")
    void theRelatedMenuCountsEachRowsLinksAndItsPanelListsThemByLabel(String dialect) {
        GridViewModel vm = posts(dialect);
        GridRow hello = vm.rowsProperty().get().get(0);

        vm.loadRelated(hello);

        RelatedLink tags = vm.related().stream().filter(RelatedLink::linked).findFirst().orElseThrow();
        assertEquals("Linked tags (3)", tags.text());
        assertEquals("tags", tags.linkedTable());
        vm.loadRelated(vm.rowsProperty().get().get(1));
        assertEquals("Linked tags (0)", vm.related().stream().filter(RelatedLink::linked).findFirst().orElseThrow().text());

        LinkedRowsViewModel linked = vm.linkedRows(hello, "tags").orElseThrow();
        linked.open();

        assertEquals(List.of("alpha", "beta", "gamma"), labels(linked));
        assertEquals(3, linked.countProperty().get());
        assertEquals("post “Hello” · 3 linked", linked.titleProperty().get());
        assertEquals(f.tags.get("alpha"), linked.rows().get(0).key());
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.LinkedFixtures#dialects")
    void manyLinksAreReadAPageAtATime(String dialect) {
        posts(dialect);
        LinkedRowsViewModel linked = new LinkedRowsViewModel(f.db, new SameThreadTaskExecutor(), LabelFields.forSession(), "posts",
                f.posts.get("Hello"), "Hello", "tags", 2);
        linked.open();

        assertEquals(List.of("alpha", "beta"), labels(linked), "the first page only");
        assertTrue(linked.moreProperty().get());
        linked.loadMore();
        assertEquals(List.of("alpha", "beta", "gamma"), labels(linked));
        assertFalse(linked.moreProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.LinkedFixtures#dialects")
    void linkingThroughThePickerAndUnlinkingChangeTheLinksOnly(String dialect) {
        GridViewModel vm = posts(dialect);
        LinkedRowsViewModel linked = vm.linkedRows(vm.rowsProperty().get().get(0), "tags").orElseThrow();
        linked.open();
        ParentPickerViewModel picker = linked.picker().orElseThrow();
        picker.searchProperty().set("delt");
        assertEquals(List.of("delta"), picker.choices().stream().map(ParentPickerViewModel.Choice::label).toList());

        linked.link(picker.choices().get(0));

        assertEquals("Linked delta.", linked.messageProperty().get());
        assertEquals(List.of("alpha", "beta", "delta", "gamma"), labels(linked));
        assertEquals(4, f.linkedToHello());
        linked.link(picker.choices().get(0));
        assertEquals("delta was linked already.", linked.messageProperty().get());
        assertEquals(4, f.linkedToHello(), "a link is never made twice");

        linked.unlink(List.of(linked.rows().get(0), linked.rows().get(1)));

        assertEquals("Unlinked 2 tags rows.", linked.messageProperty().get());
        assertEquals(List.of("delta", "gamma"), labels(linked));
        assertEquals(2, linked.countProperty().get());
        assertEquals(2, f.linkedToHello());
        assertEquals(5, f.db.countRows("tags", null), "the tags themselves stay");
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.LinkedFixtures#dialects")
    void aLinkToARowDeletedMeanwhileIsRefusedWithItsCode(String dialect) {
        GridViewModel vm = posts(dialect);
        LinkedRowsViewModel linked = vm.linkedRows(vm.rowsProperty().get().get(0), "tags").orElseThrow();
        linked.open();
        ParentPickerViewModel picker = linked.picker().orElseThrow();
        picker.searchProperty().set("epsilon");
        ParentPickerViewModel.Choice epsilon = picker.choices().get(0);
        f.db.deleteRow("tags", f.tags.get("epsilon"));

        linked.link(epsilon);

        assertTrue(linked.messageProperty().get().startsWith("NOT_FOUND: "), linked.messageProperty().get());
        assertEquals(List.of("alpha", "beta", "gamma"), labels(linked));
        assertEquals(3, f.linkedToHello());
    }
}
