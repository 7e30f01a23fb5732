package dev.tablewright.core.filter;

import dev.tablewright.core.base.UserVariable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A filter (CONNECTOR.md section 5), parsed once where it enters ({@link #parse}) and typed from
 * there on: a {@link Condition}, or a {@link Group} of filters joined by AND or OR. It keeps what
 * it needs to be written back exactly as it was read ({@link #toArray}): operators and words as
 * spelled, a bare condition bare, and an AND run inside an OR array unbracketed.
 */
public sealed interface Filter permits Filter.Condition, Filter.Group {

    /**
     * The filter of an array as written in a call file, a JSON text or the options of a read;
     * null and {@code []} give the empty group (every row). A malformed array is INVALID_FILTER
     * naming the position of the wrong part.
     */
    static Filter parse(Object array) {
        return FilterParser.parse(array);
    }

    /** No condition: every row. */
    static Group none() {
        return Group.EMPTY;
    }

    /** The filter as the portable array: a 3-element list for a bare condition, else a list of items and words. */
    default List<Object> toArray() {
        return FilterWriter.write(this);
    }

    /** True for a filter without a condition: it matches every row. */
    boolean isEmpty();

    /** The same filter with each value changed by {@code change} (how {@code $USER} becomes the user). */
    Filter mapValues(UnaryOperator<FilterValue> change);

    /** This filter with each value that is exactly {@code $USER} (alone or in a list) replaced by {@code user}. */
    default Filter withUser(String user) {
        return mapValues(v -> {
            if (v instanceof FilterValue.Literal l && UserVariable.NAME.equals(l.value())) {
                return new FilterValue.Literal(user);
            }
            if (v instanceof FilterValue.Items items && items.values().contains(UserVariable.NAME)) {
                return new FilterValue.Items(items.values().stream().map(i -> UserVariable.NAME.equals(i) ? user : i).toList());
            }
            return v;
        });
    }

    /** Both filters: this one and {@code other}, ANDed, each bracketed where it needs it. */
    default Filter and(Filter other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        return Group.of(Junction.AND, List.of(this, other));
    }

    /** The word that joins a group's items. */
    enum Junction {
        AND, OR;

        /** The plain spelling, as the builder writes it. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public Junction other() {
            return this == AND ? OR : AND;
        }

        /** {@code and} / {@code or} in any case, with spaces around: empty for anything else. */
        public static Optional<Junction> of(String word) {
            if (word == null) {
                return Optional.empty();
            }
            return switch (word.trim().toLowerCase(Locale.ROOT)) {
                case "and" -> Optional.of(AND);
                case "or" -> Optional.of(OR);
                default -> Optional.empty();
            };
        }
    }

    /**
     * {@code [field, operator, value]}.
     *
     * @param spelling the operator as written ({@code eq}, {@code IS}); {@link Operator#symbol()} when made here
     */
    record Condition(String field, Operator operator, String spelling, FilterValue value) implements Filter {
        public Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
            if (spelling == null || Operator.parse(spelling).orElse(null) != operator) {
                spelling = operator.symbol();
            }
            // The parser says where a wrong shape is; a filter made in code must not have one either.
            if (operator.takesList() != value instanceof FilterValue.Items) {
                throw new IllegalArgumentException("'" + operator.symbol() + "' takes " + (operator.takesList() ? "a list of values" : "one value") + ": " + value);
            }
            if ((operator == Operator.BETWEEN || operator == Operator.NOT_BETWEEN)
                    && (((FilterValue.Items) value).values().size() != 2 || ((FilterValue.Items) value).values().contains(null))) {
                throw new IllegalArgumentException("'" + operator.symbol() + "' takes two non-null values: " + value);
            }
        }

        public static Condition of(String field, Operator operator, FilterValue value) {
            return new Condition(field, operator, operator.symbol(), value);
        }

        public Condition withField(String newField) {
            return new Condition(newField, operator, spelling, value);
        }

        /** Another operator; the spelling is kept where it already means that operator. */
        public Condition withOperator(Operator newOperator) {
            return new Condition(field, newOperator, spelling, value);
        }

        public Condition withValue(FilterValue newValue) {
            return new Condition(field, operator, spelling, newValue);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public Condition mapValues(UnaryOperator<FilterValue> change) {
            FilterValue changed = change.apply(value);
            return changed.equals(value) ? this : withValue(changed);
        }
    }

    /**
     * Items joined by one word. Within one array AND binds tighter than OR, so
     * {@code [a, 'or', b, 'and', c]} is an OR group of {@code a} and an AND group of {@code b, c}
     * that is {@code unbracketed}: written back without brackets for as long as it is an AND
     * inside an OR.
     *
     * @param words       the word as written before each item but the first (size {@code items - 1});
     *                    one that does not fit the junction is written plainly
     * @param unbracketed an AND run that stood unbracketed in an OR array
     */
    record Group(Junction junction, List<Filter> items, List<String> words, boolean unbracketed) implements Filter {
        static final Group EMPTY = new Group(Junction.AND, List.of(), List.of(), false);

        public Group {
            Objects.requireNonNull(junction, "junction");
            items = List.copyOf(items);
            List<String> w = new ArrayList<>(words == null ? List.of() : words);
            while (w.size() < Math.max(0, items.size() - 1)) {
                w.add(junction.word());
            }
            words = List.copyOf(w.subList(0, Math.max(0, items.size() - 1)).stream().map(s -> s == null ? junction.word() : s).toList());
        }

        /** Items joined by the plain word. */
        public static Group of(Junction junction, List<? extends Filter> items) {
            return new Group(junction, List.copyOf(items), List.of(), false);
        }

        /** The word to write before item {@code index} (1 or more): as written when it fits the junction, else the plain one. */
        public String wordBefore(int index) {
            String w = words.get(index - 1);
            return Junction.of(w).orElse(null) == junction ? w : junction.word();
        }

        /** True when {@code item} is written into this group's array without brackets of its own. */
        public boolean inlines(Filter item) {
            return item instanceof Group g && g.unbracketed && g.junction == Junction.AND && junction == Junction.OR;
        }

        @Override
        public boolean isEmpty() {
            return items.stream().allMatch(Filter::isEmpty);
        }

        /**
         * The group without its empty items (an editor's unfinished parts), each kept item with the
         * word it is written with: the filter that {@link #toArray()} writes, as a model.
         */
        public Group pruned() {
            List<Filter> kept = new ArrayList<>();
            List<String> keptWords = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Filter item = items.get(i) instanceof Group g ? g.pruned() : items.get(i);
                if (item.isEmpty()) {
                    continue;
                }
                if (!kept.isEmpty()) {
                    keptWords.add(wordBefore(i));
                }
                kept.add(item);
            }
            return kept.equals(items) ? this : new Group(junction, kept, keptWords, unbracketed);
        }

        @Override
        public Group mapValues(UnaryOperator<FilterValue> change) {
            List<Filter> mapped = items.stream().map(i -> i.mapValues(change)).toList();
            return mapped.equals(items) ? this : new Group(junction, mapped, words, unbracketed);
        }
    }
}
