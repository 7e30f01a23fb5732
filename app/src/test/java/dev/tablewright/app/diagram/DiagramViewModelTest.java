package dev.tablewright.app.diagram;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.tablewright.core.callfile.CallFile;
import java.nio.file.Files;
import java.util.ArrayList;
import javafx.geometry.Rectangle2D;
import javax.xml.parsers.DocumentBuilderFactory;

/** The diagram's graph and positions on real databases, with a same-thread executor and no stage. */
class DiagramViewModelTest {
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
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

    private DiagramViewModel open() {
        DiagramViewModel vm = new DiagramViewModel(db, "test", tasks, dialogs, new DiagramPositions(dir.resolve("data")));
        vm.load();
        return vm;
    }

    private static DiagramGraph.Edge edge(DiagramGraph graph, String child, String parent) {
        return graph.edges().stream().filter(e -> e.child().equals(child) && e.parent().equals(parent)).findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + child + " -> " + parent + " in " + graph.edges()));
    }

    private static DiagramGraph.Field field(DiagramGraph graph, String table, String field) {
        return graph.table(table).orElseThrow().fields().stream().filter(f -> f.name().equals(field)).findFirst().orElseThrow();
    }

    private static Map<String, Object> fields(Object... nameType) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < nameType.length; i += 2) {
            out.put((String) nameType[i], nameType[i + 1]);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void tablesAndRelationshipsOfTheWorkbenchBecomeNodesAndEdges(String dialect) {
        db = DiagramFixtures.fresh(dialect);
        db.defineTable("users", fields("name", "string", "email", "uniquestring"));
        db.defineTable("posts", fields("title", "string", "body", "text"), Map.of("trackHistory", true));
        db.defineTable("comments", fields("text", "text"));
        db.defineTable("tags", fields("label", "uniquestring"));
        db.optionallyHasOne("posts", "users", "Author");
        db.mandatorilyHasOne("comments", "posts", null);
        db.optionallyHasMany("posts", "tags");

        DiagramGraph graph = open().graphProperty().get();

        assertEquals(List.of("comments", "posts", "tags", "users"), graph.tables().stream().map(DiagramGraph.Table::name).toList(),
                "the junction is folded away: no node of its own");
        assertEquals(3, graph.edges().size(), graph.edges().toString());
        DiagramGraph.Edge author = edge(graph, "posts", "users");
        assertEquals(DiagramGraph.Kind.ONE_TO_MANY, author.kind());
        assertEquals("authorId", author.field());
        assertEquals("Author", author.label());
        assertFalse(author.mandatory(), "optional: drawn dashed");
        DiagramGraph.Edge post = edge(graph, "comments", "posts");
        assertTrue(post.mandatory(), "mandatory: drawn solid");
        assertEquals("", post.label(), "a key named after its parent needs no label");
        DiagramGraph.Edge tags = graph.edges().stream().filter(e -> e.kind() == DiagramGraph.Kind.MANY_TO_MANY).findFirst().orElseThrow();
        assertEquals(Set.of("posts", "tags"), Set.of(tags.child(), tags.parent()));
        assertEquals("__posts2tags", tags.field());

        assertTrue(graph.table("posts").orElseThrow().history(), "the history badge");
        assertFalse(graph.table("users").orElseThrow().history());
        DiagramGraph.Field email = field(graph, "users", "email");
        assertEquals("string", email.type());
        assertTrue(email.unique());
        assertTrue(field(graph, "users", "id").primaryKey());
        assertTrue(field(graph, "comments", "postId").notNull());
        assertTrue(field(graph, "comments", "postId").foreignKey());
        assertFalse(field(graph, "posts", "authorId").notNull());
        assertEquals("text", field(graph, "posts", "body").type());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void foreignKeysMadeByPlainSqlShowWithTheirFieldAsRole(String dialect) {
        db = DiagramFixtures.fresh(dialect);
        db.exec("CREATE TABLE departments (code VARCHAR(10) PRIMARY KEY, title VARCHAR(100) NOT NULL);"
                + "CREATE TABLE staff (id INTEGER PRIMARY KEY, dept VARCHAR(10) NOT NULL REFERENCES departments(code),"
                + " mentor INTEGER REFERENCES staff(id))");

        DiagramGraph graph = open().graphProperty().get();

        DiagramGraph.Edge dept = edge(graph, "staff", "departments");
        assertEquals("dept", dept.field());
        assertEquals("dept", dept.label(), "not the name the parent gives, so the field names the role");
        assertTrue(dept.mandatory());
        DiagramGraph.Edge mentor = edge(graph, "staff", "staff");
        assertFalse(mentor.mandatory());
        assertEquals("mentor", mentor.label());
        assertEquals("integer", field(graph, "staff", "id").type());
        assertTrue(field(graph, "departments", "title").notNull());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void everyForeignKeyOfChinookIsAnEdge(String dialect) throws Exception {
        db = DiagramFixtures.chinook(dialect, dir);

        DiagramGraph graph = open().graphProperty().get();

        assertEquals(11, graph.tables().size(), graph.tables().stream().map(DiagramGraph.Table::name).toList().toString());
        assertEquals(Set.copyOf(DiagramFixtures.chinookKeys(dialect)),
                graph.edges().stream().map(e -> e.child() + "." + e.field() + "->" + e.parent()).collect(Collectors.toSet()));
        assertTrue(graph.edges().stream().allMatch(e -> e.kind() == DiagramGraph.Kind.ONE_TO_MANY));
        String album = dialect.equals("postgres") ? "album" : "Album";
        assertEquals("", edge(graph, album, dialect.equals("postgres") ? "artist" : "Artist").label(),
                "ArtistId / artist_id is the name the parent gives");
        assertFalse(graph.table(album).orElseThrow().history());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void theFirstOpeningLaysOutEveryTableApartAndMovesAreKeptForTheNextOpening(String dialect) {
        db = DiagramFixtures.fresh(dialect);
        db.defineTable("users", fields("name", "string"));
        db.defineTable("posts", fields("title", "string"));
        db.optionallyHasOne("posts", "users", null);
        DiagramViewModel vm = open();
        Map<String, Point> laid = new HashMap<>(vm.positions());
        assertEquals(Set.of("users", "posts"), laid.keySet());
        assertTrue(laid.get("users").y() < laid.get("posts").y(), "the parent above its child: " + laid);

        vm.move(List.of("posts"), 300, 40);
        vm.moved();

        DiagramViewModel again = open();
        Point moved = new Point(laid.get("posts").x() + 300, laid.get("posts").y() + 40);
        assertEquals(moved, again.positions().get("posts"), "where the user left it, not laid out anew");
        assertEquals(laid.get("users"), again.positions().get("users"));

        db.defineTable("tags", fields("label", "string"));
        DiagramViewModel third = open();
        assertEquals(moved, third.positions().get("posts"), "a new table does not rearrange the others");
        Point tags = third.positions().get("tags");
        assertTrue(tags.y() > moved.y(), "the new table goes below the arranged ones: " + tags);
        assertEquals("", third.problemProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void searchSelectsTheTableItNamesAndTheSvgHoldsEveryTableAndEdge(String dialect) throws Exception {
        db = DiagramFixtures.chinook(dialect, dir);
        Path svg = dir.resolve("chinook.svg");
        dialogs.answerFiles(svg);
        DiagramViewModel vm = open();
        String track = dialect.equals("postgres") ? "track" : "Track";
        String playlistTrack = dialect.equals("postgres") ? "playlist_track" : "PlaylistTrack";

        assertEquals(track, vm.find("TRACK").orElseThrow(), "the exact name first, in any case");
        assertEquals(Set.of(track), vm.selected());
        assertEquals(playlistTrack, vm.find(dialect.equals("postgres") ? "playlist_t" : "playlistT").orElseThrow());
        assertTrue(vm.find("nothing like it").isEmpty());
        assertEquals("No table matches 'nothing like it'", vm.statusProperty().get());

        vm.exportSvg();

        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml") && text.contains("<svg"), text.substring(0, 80));
        for (DiagramGraph.Table t : vm.graphProperty().get().tables()) {
            assertTrue(text.contains("id=\"" + t.name() + "\""), t.name());
        }
        assertEquals(11, text.split("class=\"edge\"", -1).length - 1 + (text.contains("points=") ? 1 : 0),
                "ten straight edges and the employee's link to its manager as a loop");
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void arrangeLaysTheDiagramOutAgain(String dialect) {
        db = DiagramFixtures.fresh(dialect);
        db.defineTable("users", fields("name", "string"));
        db.defineTable("posts", fields("title", "string"));
        DiagramViewModel vm = open();
        Point users = vm.positions().get("users");
        vm.move(List.of("users", "posts"), 1000, 1000);
        assertNotEquals(users, vm.positions().get("users"));
        vm.arrange();
        assertEquals(users, vm.positions().get("users"));
        assertFalse(vm.layingOutProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aTableCreatedFromTheCanvasStandsWhereItWasAskedForOrAtTheNearestFreeSpot(String dialect) {
        db = DiagramFixtures.fresh(dialect);
        db.defineTable("users", fields("name", "string"));
        DiagramViewModel vm = open();
        List<String> opened = new ArrayList<>();
        vm.setOnNewTable(() -> opened.add("designer"));
        Point users = vm.positions().get("users");

        vm.newTable(new Point(users.x() + 900, users.y() + 300));
        assertEquals(List.of("designer"), opened, "the designer opens for the new table");
        db.defineTable("orders", fields("total", "number"));
        vm.tableCreated("orders");
        vm.load();
        assertEquals(new Point(users.x() + 900, users.y() + 300), vm.positions().get("orders"), "where the user clicked");

        vm.newTable(new Point(users.x() + 10, users.y() + 10));
        db.defineTable("invoices", fields("number", "string"));
        vm.tableCreated("invoices");
        vm.load();
        Point invoices = vm.positions().get("invoices");
        DiagramGraph graph = vm.graphProperty().get();
        Rectangle2D usersBox = new Rectangle2D(users.x(), users.y(),
                NodeGeometry.width(graph.table("users").orElseThrow()), NodeGeometry.height(graph.table("users").orElseThrow()));
        Rectangle2D invoicesBox = new Rectangle2D(invoices.x(), invoices.y(),
                NodeGeometry.width(graph.table("invoices").orElseThrow()), NodeGeometry.height(graph.table("invoices").orElseThrow()));
        assertFalse(usersBox.intersects(invoicesBox), "not on top of users: " + invoices);
        assertTrue(Math.hypot(invoices.x() - users.x(), invoices.y() - users.y()) < 400, "but near where it was asked for: " + invoices);

        db.defineTable("payments", fields("amount", "number"));
        vm.tableCreated("payments");
        vm.load();
        assertTrue(vm.positions().get("payments").y() > invoices.y(), "a table not asked for on the canvas goes below the others");

        assertEquals(vm.positions().get("orders"), open().positions().get("orders"), "and the place is kept for the next opening");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aManyToManyUnfoldsIntoItsJunctionAndTwoLinksAndFoldsBack(String dialect) {
        db = DiagramFixtures.fresh(dialect);
        db.defineTable("posts", fields("title", "string"));
        db.defineTable("tags", fields("label", "string"));
        db.optionallyHasMany("posts", "tags");
        DiagramViewModel vm = open();

        vm.expandJunction("__posts2tags");

        DiagramGraph graph = vm.graphProperty().get();
        DiagramGraph.Table junction = graph.table("__posts2tags").orElseThrow();
        assertTrue(junction.junction());
        assertEquals(List.of("postId", "tagId"), junction.fields().stream().map(DiagramGraph.Field::name).toList());
        assertTrue(junction.fields().stream().allMatch(f -> f.primaryKey() && f.foreignKey() && f.notNull()));
        assertEquals("string", junction.fields().get(0).type(), "the type of the posts' key");
        assertEquals(Set.of("__posts2tags.postId->posts", "__posts2tags.tagId->tags"), graph.edges().stream().map(DiagramGraph.Edge::id).collect(Collectors.toSet()));
        assertTrue(graph.edges().stream().allMatch(DiagramGraph.Edge::mandatory));
        Point at = vm.positions().get("__posts2tags");
        Point posts = vm.positions().get("posts");
        Point tags = vm.positions().get("tags");
        assertTrue(at.y() > Math.min(posts.y(), tags.y()) - 200 && at.y() < Math.max(posts.y(), tags.y()) + 200, "between its tables: " + at);
        assertEquals("2 tables, 1 relationship", vm.statusProperty().get(), "still one relationship");

        vm.load();
        assertTrue(vm.graphProperty().get().table("__posts2tags").isPresent(), "it stays unfolded when the schema is read again");

        vm.foldJunction("__posts2tags");
        graph = vm.graphProperty().get();
        assertEquals(List.of("posts", "tags"), graph.tables().stream().map(DiagramGraph.Table::name).toList());
        assertEquals(DiagramGraph.Kind.MANY_TO_MANY, graph.edges().get(0).kind());
        assertFalse(vm.positions().containsKey("__posts2tags"));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void removingALinkOfAnUnfoldedJunctionRemovesTheManyToMany(String dialect) {
        db = DiagramFixtures.fresh(dialect);
        db.defineTable("posts", fields("title", "string"));
        db.defineTable("tags", fields("label", "string"));
        db.optionallyHasMany("posts", "tags");
        dialogs.answerConfirmations(true);
        DiagramViewModel vm = open();
        vm.expandJunction("__posts2tags");
        vm.selectedEdgeProperty().set(edge(vm.graphProperty().get(), "__posts2tags", "tags"));

        vm.removeSelectedEdge();

        assertTrue(dialogs.shown().stream().anyMatch(d -> d.contains("Remove the many-to-many link between 'posts' and 'tags'")), dialogs.shown().toString());
        assertTrue(db.getTableSchema("posts").relationships().isEmpty(), db.getTableSchema("posts").relationships().toString());
        assertEquals(List.of(), vm.graphProperty().get().edges());
        assertEquals(List.of("posts", "tags"), vm.graphProperty().get().tables().stream().map(DiagramGraph.Table::name).toList());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void theSchemaIsSavedAsACallFileOfEveryTableAndRelationship(String dialect) throws Exception {
        db = DiagramFixtures.fresh(dialect);
        db.defineTable("users", fields("name", "string"));
        db.defineTable("posts", fields("title", "string"));
        db.defineTable("tags", fields("label", "string"));
        db.optionallyHasOne("posts", "users", "Author");
        db.optionallyHasMany("posts", "tags");
        Path file = dir.resolve("schema.yaml");
        dialogs.answerFiles(file);
        DiagramViewModel vm = open();

        vm.exportCallFile();

        var steps = CallFile.parse(Files.readString(file), false, null,
                CallFile.Functions.ANY).steps();
        assertEquals(List.of("defineTable tags", "defineTable users", "defineTable posts", "optionallyHasMany posts"),
                steps.stream().map(s -> s.function() + " " + s.params().getOrDefault("name", s.params().get("childTable"))).toList(),
                "parents before their children");
        assertTrue(vm.statusProperty().get().startsWith("Saved schema.yaml"), vm.statusProperty().get());
    }
}
