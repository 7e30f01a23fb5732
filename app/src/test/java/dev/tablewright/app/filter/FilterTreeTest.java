package dev.tablewright.app.filter;

import dev.tablewright.core.filter.Operator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Edits of the tree make the arrays a person expects. */
class FilterTreeTest {
    private static List<Object> l(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    private static FilterCondition fill(FilterCondition c, String field, Operator op, Object value) {
        c.setField(field);
        c.setOperator(op);
        c.setValue(value);
        return c;
    }

    private final FilterTree tree = FilterTree.of(null);

    @Test
    void conditionsAddedToTheRootAreAnded() {
        fill(tree.addCondition(tree.root()), "a", Operator.EQ, 1);
        fill(tree.addCondition(tree.root()), "b", Operator.GT, 2);

        assertEquals(l(l("a", "=", 1), "and", l("b", ">", 2)), tree.toArray());
    }

    @Test
    void aConditionWithoutAFieldIsNotPartOfTheArrayYet() {
        fill(tree.addCondition(tree.root()), "a", Operator.EQ, 1);
        tree.addCondition(tree.root());

        assertEquals(l(l("a", "=", 1)), tree.toArray());
    }

    @Test
    void aGroupAddedToAnAndGroupIsAnOrGroup() {
        fill(tree.addCondition(tree.root()), "a", Operator.EQ, 1);
        FilterGroup or = tree.addGroup(tree.root());
        fill(tree.addCondition(or), "b", Operator.EQ, 2);
        fill(tree.addCondition(or), "c", Operator.EQ, 3);

        assertEquals(FilterGroup.Junction.OR, or.junction());
        assertEquals(l(l("a", "=", 1), "and", l(l("b", "=", 2), "or", l("c", "=", 3))), tree.toArray());
    }

    @Test
    void anEmptyGroupIsLeftOutOfTheArray() {
        fill(tree.addCondition(tree.root()), "a", Operator.EQ, 1);
        tree.addGroup(tree.root());

        assertEquals(l(l("a", "=", 1)), tree.toArray());
    }

    @Test
    void movingUpAndDownReordersWithinTheGroup() {
        FilterTree t = FilterTree.of(l(l("a", "=", 1), "or", l("b", "=", 2), "or", l("c", "=", 3)));
        FilterNode c = t.root().children().get(2);

        t.moveUp(c);
        assertEquals(l(l("a", "=", 1), "or", l("c", "=", 3), "or", l("b", "=", 2)), t.toArray());
        t.moveUp(c);
        t.moveUp(c);
        assertEquals(l(l("c", "=", 3), "or", l("a", "=", 1), "or", l("b", "=", 2)), t.toArray());
        assertFalse(t.canMoveUp(c));
        t.moveDown(c);
        assertEquals(l(l("a", "=", 1), "or", l("c", "=", 3), "or", l("b", "=", 2)), t.toArray());
    }

    @Test
    void removingAConditionTakesOneWordWithIt() {
        FilterTree t = FilterTree.of(l(l("a", "=", 1), "AND", l("b", "=", 2), "AND", l("c", "=", 3)));

        t.remove(t.root().children().get(1));
        assertEquals(l(l("a", "=", 1), "AND", l("c", "=", 3)), t.toArray());
        t.remove(t.root().children().get(0));
        assertEquals(l(l("c", "=", 3)), t.toArray());
    }

    @Test
    void wrappingAConditionMakesAGroupForItsAlternatives() {
        FilterTree t = FilterTree.of(l(l("a", "=", 1), "and", l("b", "=", 2)));

        FilterGroup g = t.wrapInGroup(t.root().children().get(1));
        fill(t.addCondition(g), "c", Operator.EQ, 3);

        assertEquals(l(l("a", "=", 1), "and", l(l("b", "=", 2), "or", l("c", "=", 3))), t.toArray());
    }

    @Test
    void ungroupingPutsTheGroupsConditionsWhereItStood() {
        FilterTree t = FilterTree.of(l(l("a", "=", 1), "and", l(l("b", "=", 2), "and", l("c", "=", 3)), "and", l("d", "=", 4)));

        t.ungroup((FilterGroup) t.root().children().get(1));

        assertEquals(l(l("a", "=", 1), "and", l("b", "=", 2), "and", l("c", "=", 3), "and", l("d", "=", 4)), t.toArray());
    }

    @Test
    void ungroupingAGroupAloneInItsParentKeepsItsWord() {
        FilterTree t = FilterTree.of(l(l(l("b", "=", 2), "or", l("c", "=", 3))));

        t.ungroup((FilterGroup) t.root().children().get(0));

        assertEquals(l(l("b", "=", 2), "or", l("c", "=", 3)), t.toArray());
    }

    @Test
    void switchingAGroupToOrChangesEveryWordOfIt() {
        FilterTree t = FilterTree.of(l(l("a", "=", 1), l("b", "=", 2), "AND", l("c", "=", 3)));

        t.root().setJunction(FilterGroup.Junction.OR);

        assertEquals(l(l("a", "=", 1), "or", l("b", "=", 2), "or", l("c", "=", 3)), t.toArray());
    }

    @Test
    void theAndRunInsideAnOrStaysUnbracketedUntilItBecomesAnOr() {
        FilterTree t = FilterTree.of(l(l("a", "=", 1), "or", l("b", "=", 2), "and", l("c", "=", 3)));
        FilterGroup run = (FilterGroup) t.root().children().get(1);

        fill(t.addCondition(run), "d", Operator.EQ, 4);
        assertEquals(l(l("a", "=", 1), "or", l("b", "=", 2), "and", l("c", "=", 3), "and", l("d", "=", 4)), t.toArray());

        run.setJunction(FilterGroup.Junction.OR);
        assertEquals(l(l("a", "=", 1), "or", l(l("b", "=", 2), "or", l("c", "=", 3), "or", l("d", "=", 4))), t.toArray());
    }

    @Test
    void draggingAConditionIntoAnotherGroupMovesIt() {
        FilterTree t = FilterTree.of(l(l("a", "=", 1), "and", l(l("b", "=", 2), "or", l("c", "=", 3))));
        FilterNode a = t.root().children().get(0);
        FilterGroup or = (FilterGroup) t.root().children().get(1);

        t.move(a, or, 1);

        assertEquals(l(l(l("b", "=", 2), "or", l("a", "=", 1), "or", l("c", "=", 3))), t.toArray());
        assertSame(or, t.parentOf(a).orElseThrow());
    }

    @Test
    void aGroupCannotBeDraggedIntoItself() {
        FilterTree t = FilterTree.of(l(l("a", "=", 1), "and", l(l("b", "=", 2), "or", l(l("c", "=", 3), l("d", "=", 4)))));
        FilterGroup outer = (FilterGroup) t.root().children().get(1);
        FilterGroup inner = (FilterGroup) outer.children().get(1);
        List<Object> before = t.toArray();

        t.move(outer, inner, 0);

        assertEquals(before, t.toArray());
    }

    @Test
    void aJoinGoesFirstAndIsAndedWithAnOrFilter() {
        FilterTree t = FilterTree.of(l(l("users.name", "=", "Alice"), "or", l("users.name", "=", "Bob")));

        t.addAndedFirst(new FilterCondition("posts.userId", "=", "users.id"));

        assertEquals(l(l("posts.userId", "=", "users.id"), "and", l(l("users.name", "=", "Alice"), "or", l("users.name", "=", "Bob"))),
                t.toArray());
    }

    @Test
    void aBareConditionGainsBracketsWhenASecondIsAdded() {
        FilterTree t = FilterTree.of(l("a", "=", 1));
        assertEquals(l("a", "=", 1), t.toArray());

        fill(t.addCondition(t.root()), "b", Operator.EQ, 2);

        assertEquals(l(l("a", "=", 1), "and", l("b", "=", 2)), t.toArray());
    }
}
