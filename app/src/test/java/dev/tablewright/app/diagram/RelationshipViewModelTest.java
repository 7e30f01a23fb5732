package dev.tablewright.app.diagram;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.schema.FieldSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each edit the diagram makes, its statement plan and its refusals, checked through the core on real databases. */
class RelationshipViewModelTest {
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService().answerConfirmations(true);
    @TempDir
    Path dir;
    private Connector db;

    static List<String> dialects() {
        return DiagramFixtures.dialects();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private DiagramViewModel blog(String dialect) {
        db = DiagramFixtures.fresh(dialect);
        db.defineTable("users", Map.of("name", "string"));
        db.defineTable("posts", Map.of("title", "string"));
        db.defineTable("tags", Map.of("label", "string"));
        DiagramViewModel vm = new DiagramViewModel(db, "test", tasks, dialogs, new DiagramPositions(dir.resolve("data")));
        vm.load();
        return vm;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void anOptionalLinkWithARoleShowsItsKeyAndStatementsThenIsMadeThroughTheCore(String dialect) {
        DiagramViewModel diagram = blog(dialect);
        RelationshipViewModel draft = diagram.proposeRelationship("posts", "users");
        assertTrue(draft.creatableBinding().get());
        assertEquals("posts.userId → users (constraint fk_posts_userId)", draft.keyNameProperty().get());

        draft.roleProperty().set("Author");

        assertEquals("posts.authorId → users (constraint fk_posts_authorId)", draft.keyNameProperty().get());
        String script = draft.statementsProperty().get();
        assertTrue(script.contains("authorId") && script.contains("fk_posts_authorId"), script);
        assertTrue(script.contains(dialect.equals("sqlite") ? "PRAGMA foreign_keys = OFF" : "ADD CONSTRAINT"), "the dialect's own statements: " + script);
        assertFalse(db.getTableSchema("posts").fields().containsKey("authorId"), "planning changes nothing");

        draft.create();

        assertTrue(draft.doneProperty().get());
        FieldSpec author = db.getTableSchema("posts").fields().get("authorId");
        assertEquals("users", author.references().table());
        assertTrue(author.allowNull());
        DiagramGraph.Edge edge = diagram.graphProperty().get().edges().get(0);
        assertEquals("Author", edge.label(), "the diagram read the schema again");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aMandatoryLinkOnATableWithRowsIsRefusedInTheDialogWithWhatToDo(String dialect) {
        DiagramViewModel diagram = blog(dialect);
        db.addRow("posts", Map.of("title", "Hello"));
        RelationshipViewModel draft = diagram.proposeRelationship("posts", "users");

        draft.kindProperty().set(RelationshipViewModel.Kind.MANDATORY);

        String problem = draft.problemProperty().get();
        assertTrue(problem.startsWith("INVALID_ARGUMENT: 1 row of 'posts' has no userId"), problem);
        assertTrue(problem.contains("Add the relationship as optional"), problem);
        assertFalse(draft.creatableBinding().get());
        assertEquals("", draft.statementsProperty().get());

        draft.kindProperty().set(RelationshipViewModel.Kind.OPTIONAL);
        assertEquals("", draft.problemProperty().get());
        assertTrue(draft.creatableBinding().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void manyToManyIsOneEdgeAndItsRemovalDropsTheJunctionAfterConfirming(String dialect) {
        DiagramViewModel diagram = blog(dialect);
        RelationshipViewModel draft = diagram.proposeRelationship("posts", "tags");
        draft.kindProperty().set(RelationshipViewModel.Kind.MANY_TO_MANY);
        assertTrue(draft.keyNameProperty().get().startsWith("Junction table __posts2tags"), draft.keyNameProperty().get());
        assertTrue(draft.statementsProperty().get().contains("CREATE TABLE"), draft.statementsProperty().get());
        draft.create();
        assertTrue(db.getTableSchema("tags").relationships().stream().anyMatch(r -> "manyToMany".equals(r.get("type"))));
        DiagramGraph.Edge edge = diagram.graphProperty().get().edges().get(0);
        assertEquals(DiagramGraph.Kind.MANY_TO_MANY, edge.kind());

        diagram.selectedEdgeProperty().set(edge);
        diagram.removeSelectedEdge();

        String confirm = dialogs.shown().get(dialogs.shown().size() - 1);
        assertTrue(confirm.startsWith("confirm|Remove relationship|Remove the many-to-many link between 'posts' and 'tags'?"), confirm);
        assertTrue(confirm.contains("DROP TABLE"), "the statements are shown: " + confirm);
        assertTrue(db.getTableSchema("tags").relationships().isEmpty());
        assertTrue(diagram.graphProperty().get().edges().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void removingAForeignKeyEdgeDropsTheKeyAndItsFieldOnlyWhenConfirmed(String dialect) {
        DiagramViewModel diagram = blog(dialect);
        db.mandatorilyHasOne("posts", "users", null);
        diagram.load();
        diagram.selectedEdgeProperty().set(diagram.graphProperty().get().edges().get(0));
        RecordingDialogService no = new RecordingDialogService().answerConfirmations(false);
        DiagramViewModel declining = new DiagramViewModel(db, "test", tasks, no, new DiagramPositions(dir.resolve("data")));
        declining.load();
        declining.selectedEdgeProperty().set(declining.graphProperty().get().edges().get(0));
        declining.removeSelectedEdge();
        assertTrue(db.getTableSchema("posts").fields().containsKey("userId"), "declined: nothing changed");

        diagram.removeSelectedEdge();

        assertTrue(dialogs.shown().get(dialogs.shown().size() - 1).contains("Drop field 'userId'"), dialogs.shown().toString());
        assertFalse(db.getTableSchema("posts").fields().containsKey("userId"));
        assertTrue(diagram.graphProperty().get().edges().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aTableLinkedToItselfGetsARoleByDefault(String dialect) {
        DiagramViewModel diagram = blog(dialect);
        RelationshipViewModel draft = diagram.proposeRelationship("users", "users");
        assertEquals("Parent", draft.roleProperty().get());
        draft.roleProperty().set("");
        assertTrue(draft.problemProperty().get().contains("needs a role"), draft.problemProperty().get());
        draft.kindProperty().set(RelationshipViewModel.Kind.MANY_TO_MANY);
        assertTrue(draft.problemProperty().get().contains("not supported yet"), draft.problemProperty().get());
        draft.kindProperty().set(RelationshipViewModel.Kind.OPTIONAL);
        draft.roleProperty().set("Mentor");
        draft.create();
        assertEquals("users", db.getTableSchema("users").fields().get("mentorId").references().table());
    }
}
