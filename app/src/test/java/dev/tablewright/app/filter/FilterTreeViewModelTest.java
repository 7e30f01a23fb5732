package dev.tablewright.app.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.filter.Filter.Junction;
import dev.tablewright.core.testing.RandomFilters;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The builder's tree of node ViewModels, without a database or a window: filters come back from
 * it as they were written, and each node's commands make the arrays a person expects.
 */
class FilterTreeViewModelTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final FilterFields fields = new FilterFields();
    private final FilterTreeViewModel tree = new FilterTreeViewModel(fields);
    private final List<Boolean> edits = new ArrayList<>();

    FilterTreeViewModelTest() {
        fields.set(List.of(new FieldChoice("a", LogicalType.INTEGER, false), new FieldChoice("b", LogicalType.INTEGER, false),
                new FieldChoice("c", LogicalType.INTEGER, false), new FieldChoice("d", LogicalType.INTEGER, false),
                new FieldChoice("name", LogicalType.STRING, false), new FieldChoice("active", LogicalType.BOOLEAN, false)), false);
        tree.setOnEdit(edits::add);
    }

    private static List<Object> l(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    private FilterTreeViewModel of(Object array) {
        tree.setFilter(Filter.parse(array));
        return tree;
    }

    private List<Object> array() {
        return tree.filter().toArray();
    }

    private static ConditionNodeViewModel fill(ConditionNodeViewModel c, String field, OperatorChoice op, Object value) {
        c.fieldProperty().set(field);
        c.operatorProperty().set(op);
        c.setValue(-1, value);
        return c;
    }

    private GroupNodeViewModel group(GroupNodeViewModel in, int index) {
        return (GroupNodeViewModel) in.children().get(index);
    }

    /** The filters of the reference document's query examples, as written there. */
    static List<Object> referenceFilters() {
        return List.of(
                l("status", "=", "active"),
                l("createdAt", "between", l("2025-01-01", "2025-01-31T23:59:59Z")),
                l(l("quantity", ">", 0), "and", l("price", ">", 50)),
                l("priority", "in", l("high", "critical")),
                l(l("users.id", "=", "posts.userId")),
                l(l("users.id", "=", "posts.userId"), "and", l("users.name", "=", "Alice")),
                l(l("users.id", "=", "orders.userId"), "and", l("orders.shipmentId", "=", "shipments.id"), "and",
                        l("users.name", "=", "Alice"), "and", l("shipments.details.priority", "=", true)),
                l("username", "=", "$USER"));
    }

    /** Every filter written in the project's example call files. */
    static List<Object> exampleFileFilters() throws IOException {
        List<Object> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                collectFilters(YAML.readValue(f.toFile(), Object.class), found);
            }
        }
        return found;
    }

    private static void collectFilters(Object node, List<Object> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("filter".equals(k)) {
                    out.add(v);
                } else {
                    collectFilters(v, out);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectFilters(item, out));
        }
    }

    @Test
    void everyReferenceAndExampleFilterComesBackFromTheTreeUnchanged() throws IOException {
        List<Object> filters = new ArrayList<>(referenceFilters());
        List<Object> examples = exampleFileFilters();
        assertTrue(examples.size() >= 20, "the example files hold filters: " + examples.size());
        filters.addAll(examples);
        for (Object filter : filters) {
            assertEquals(filter, of(filter).filter().toArray(), String.valueOf(filter));
            assertEquals(filter, FilterJson.parse(FilterJson.format(filter)).value(), "through the JSON pane");
        }
    }

    @Test
    void generatedFiltersComeBackFromTheTreeAndTheJsonPaneUnchanged() {
        RandomFilters.forEach(400, filter -> {
            assertEquals(filter, of(filter).filter().toArray());
            assertEquals(filter, of(FilterJson.parse(FilterJson.format(filter)).value()).filter().toArray());
        });
    }

    @Test
    void whereAndMeetsOrTheTreeShowsTheAndRunAsAGroupWithItsNote() {
        GroupNodeViewModel root = of(l(l("a", "=", 1), "or", l("b", "=", 2), "and", l("c", "=", 3))).root();

        assertEquals(Junction.OR, root.junction());
        assertInstanceOf(ConditionNodeViewModel.class, root.children().get(0));
        GroupNodeViewModel run = group(root, 1);
        assertEquals(Junction.AND, run.junction());
        assertTrue(run.tighterNoteProperty().get(), "AND binds tighter than OR");
        assertEquals(List.of("1_0", "1_1"), run.children().stream().map(FilterNodeViewModel::path).toList());
    }

    @Test
    void eachNodeHoldsItsOwnFieldOperatorAndValue() {
        ConditionNodeViewModel c = (ConditionNodeViewModel) of(l(l("name", "startswith", "h"))).root().children().get(0);

        assertEquals("name", c.fieldProperty().get());
        assertEquals(OperatorChoice.STARTS_WITH, c.operatorProperty().get());
        assertEquals("h", c.valueText(-1));
        assertEquals(ValueEditor.TEXT, c.editorProperty().get());
        assertTrue(c.offersCurrentUserProperty().get());

        c.fieldProperty().set("active");
        assertEquals(OperatorChoice.EQUALS, c.operatorProperty().get(), "a boolean field takes = : the operator fits it");
        assertEquals(ValueEditor.BOOLEAN, c.editorProperty().get());
        assertEquals(List.of(OperatorChoice.EQUALS, OperatorChoice.NOT_EQUALS, OperatorChoice.IS_EMPTY, OperatorChoice.IS_NOT_EMPTY), c.operators());
        assertEquals(l(l("active", "=", true)), array());
    }

    @Test
    void aNewConditionTakesItsOperatorOnceItHasAField() {
        ConditionNodeViewModel c = tree.root().addCondition();
        assertFalse(c.isComplete());
        assertEquals(l(), array(), "a condition without a field is not part of the array yet");

        c.fieldProperty().set("a");

        assertTrue(c.isComplete());
        assertEquals(ValueEditor.NUMBER, c.editorProperty().get());
        assertEquals(l(l("a", "=", 0L)), array());
    }

    @Test
    void theOperatorCarriesTheValueIntoAListAndBack() {
        ConditionNodeViewModel c = fill(tree.root().addCondition(), "a", OperatorChoice.EQUALS, 5L);

        c.operatorProperty().set(OperatorChoice.BETWEEN);
        assertEquals(l(l("a", "between", l(5L, 5L))), array());
        c.setValueText(1, "9");
        c.operatorProperty().set(OperatorChoice.IN);
        c.addListValue("12");
        assertEquals(l(l("a", "in", l(5L, 9L, 12L))), array());
        c.removeListValue(0);
        c.operatorProperty().set(OperatorChoice.GREATER);
        assertEquals(l(l("a", ">", 9L)), array());
        c.operatorProperty().set(OperatorChoice.IS_EMPTY);
        assertEquals(l(l("a", "=", null)), array());
    }

    @Test
    void aWrittenOperatorKeepsItsSpellingWhileItMeansTheSame() {
        ConditionNodeViewModel c = (ConditionNodeViewModel) of(l("a", "eq", 1)).root().children().get(0);
        c.setValueText(-1, "2");
        assertEquals(l("a", "eq", 2L), array(), "a bare condition stays bare, its 'eq' kept");

        c.operatorProperty().set(OperatorChoice.NOT_EQUALS);
        assertEquals(l("a", "<>", 2L), array());
    }

    @Test
    void conditionsAddedToTheRootAreAndedAndAGroupAddedIsAnOrGroup() {
        fill(tree.root().addCondition(), "a", OperatorChoice.EQUALS, 1);
        GroupNodeViewModel or = tree.root().addGroup();
        fill(or.addCondition(), "b", OperatorChoice.EQUALS, 2);
        fill(or.addCondition(), "c", OperatorChoice.EQUALS, 3);
        tree.root().addGroup();

        assertEquals(Junction.OR, or.junction());
        assertEquals(l(l("a", "=", 1), "and", l(l("b", "=", 2), "or", l("c", "=", 3))), array(), "the empty group is left out");
    }

    @Test
    void movingUpAndDownReordersWithinTheGroupAndSaysWhatCanMove() {
        GroupNodeViewModel root = of(l(l("a", "=", 1), "or", l("b", "=", 2), "or", l("c", "=", 3))).root();
        FilterNodeViewModel c = root.children().get(2);
        assertFalse(c.canMoveDownProperty().get());

        c.moveUp();
        assertEquals(l(l("a", "=", 1), "or", l("c", "=", 3), "or", l("b", "=", 2)), array());
        assertEquals("1", c.path());
        c.moveUp();
        assertFalse(c.canMoveUpProperty().get());
        c.moveDown();
        assertEquals(l(l("a", "=", 1), "or", l("c", "=", 3), "or", l("b", "=", 2)), array());
    }

    @Test
    void removingAConditionTakesOneWordWithIt() {
        GroupNodeViewModel root = of(l(l("a", "=", 1), "AND", l("b", "=", 2), "AND", l("c", "=", 3))).root();

        root.children().get(1).remove();
        assertEquals(l(l("a", "=", 1), "AND", l("c", "=", 3)), array());
        root.children().get(0).remove();
        assertEquals(l(l("c", "=", 3)), array());
    }

    @Test
    void wrappingAConditionMakesAGroupForItsAlternatives() {
        GroupNodeViewModel root = of(l(l("a", "=", 1), "and", l("b", "=", 2))).root();

        GroupNodeViewModel g = root.children().get(1).wrapInGroup();
        fill(g.addCondition(), "c", OperatorChoice.EQUALS, 3);

        assertEquals(l(l("a", "=", 1), "and", l(l("b", "=", 2), "or", l("c", "=", 3))), array());
    }

    @Test
    void ungroupingPutsTheGroupsConditionsWhereItStoodAndAloneKeepsItsWord() {
        GroupNodeViewModel root = of(l(l("a", "=", 1), "and", l(l("b", "=", 2), "and", l("c", "=", 3)), "and", l("d", "=", 4))).root();
        group(root, 1).ungroup();
        assertEquals(l(l("a", "=", 1), "and", l("b", "=", 2), "and", l("c", "=", 3), "and", l("d", "=", 4)), array());

        GroupNodeViewModel alone = of(l(l(l("b", "=", 2), "or", l("c", "=", 3)))).root();
        group(alone, 0).ungroup();
        assertEquals(l(l("b", "=", 2), "or", l("c", "=", 3)), array());
    }

    @Test
    void switchingAGroupToOrChangesEveryWordOfItAndBracketsAnAndRun() {
        of(l(l("a", "=", 1), "AND", l("b", "=", 2), "AND", l("c", "=", 3))).root().setJunction(Junction.OR);
        assertEquals(l(l("a", "=", 1), "or", l("b", "=", 2), "or", l("c", "=", 3)), array());

        GroupNodeViewModel run = group(of(l(l("a", "=", 1), "or", l("b", "=", 2), "and", l("c", "=", 3))).root(), 1);
        fill(run.addCondition(), "d", OperatorChoice.EQUALS, 4);
        assertEquals(l(l("a", "=", 1), "or", l("b", "=", 2), "and", l("c", "=", 3), "and", l("d", "=", 4)), array());
        run.setJunction(Junction.OR);
        assertEquals(l(l("a", "=", 1), "or", l(l("b", "=", 2), "or", l("c", "=", 3), "or", l("d", "=", 4))), array());
        assertFalse(run.tighterNoteProperty().get());
    }

    @Test
    void draggingANodeIntoAnotherGroupMovesItButNeverIntoItself() {
        GroupNodeViewModel root = of(l(l("a", "=", 1), "and", l(l("b", "=", 2), "or", l(l("c", "=", 3), "and", l("d", "=", 4))))).root();
        FilterNodeViewModel a = root.children().get(0);
        GroupNodeViewModel or = group(root, 1);
        GroupNodeViewModel inner = group(or, 1);
        List<Object> before = array();

        or.moveTo(inner, 0);
        assertEquals(before, array());
        assertFalse(or.canMoveInto(inner));

        a.moveTo(or, 1);
        assertEquals(l(l(l("b", "=", 2), "or", l("a", "=", 1), "or", l(l("c", "=", 3), "and", l("d", "=", 4)))), array());
        assertSame(or, a.parent().orElseThrow());
        assertEquals("0_1", a.path());
    }

    @Test
    void aJoinGoesFirstAndIsAndedWithAnOrFilter() {
        of(l(l("users.name", "=", "Alice"), "or", l("users.name", "=", "Bob")));

        tree.addAndedFirst(new JoinProposal("posts.userId", "users.id").condition());

        assertEquals(l(l("posts.userId", "=", "users.id"), "and", l(l("users.name", "=", "Alice"), "or", l("users.name", "=", "Bob"))), array());
    }

    @Test
    void aBareConditionGainsBracketsWhenASecondIsAdded() {
        GroupNodeViewModel root = of(l("a", "=", 1)).root();
        assertEquals(l("a", "=", 1), array());

        fill(root.addCondition(), "b", OperatorChoice.EQUALS, 2);

        assertEquals(l(l("a", "=", 1), "and", l("b", "=", 2)), array());
    }

    @Test
    void typingAValueIsAnEditOfTheValueNotOfTheTreesShape() {
        ConditionNodeViewModel c = fill(tree.root().addCondition(), "name", OperatorChoice.CONTAINS, "");
        edits.clear();

        c.setValueText(-1, "ab");

        assertEquals(List.of(false), edits, "the builder refreshes its panes; nothing is built again");
    }
}
