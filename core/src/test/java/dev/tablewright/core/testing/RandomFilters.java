package dev.tablewright.core.testing;

import dev.tablewright.core.filter.Operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Generated filter arrays for property tests: nested groups up to three deep, every operator and
 * its aliases, AND/OR words in any spelling, and values of every kind including {@code $USER},
 * {@code null} and quotes. Each filter comes from its own seed, so a failure names the seed that
 * reproduces it.
 */
public final class RandomFilters {
    private static final List<String> FIELDS = List.of("name", "age", "createdAt", "specs.dimensions.width", "users.id", "a\"b");
    private static final List<String> OPERATORS = List.of("=", "eq", "is", "IS", "<>", "ne", "isnot", "!=", ">", "gt", ">=", "gte",
            "<", "lt", "<=", "lte", "contains", "notcontains", "startswith", "endswith", "between", "notbetween", "in", "notin", "NotIn");
    private static final List<String> WORDS = List.of("and", "or", "AND", "Or", " or ", "And ");
    private static final String CHARACTERS = "ab Z'\"%_\\;-é";

    private final Random random;

    private RandomFilters(long seed) {
        this.random = new Random(seed);
    }

    /** Runs {@code check} on {@code count} filters, seeds 1..count, naming the seed and filter of a failure. */
    public static void forEach(int count, Consumer<List<Object>> check) {
        for (long seed = 1; seed <= count; seed++) {
            List<Object> filter = new RandomFilters(seed).filter();
            try {
                check.accept(filter);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("generated filter (seed " + seed + ") " + filter + ": " + e.getMessage(), e);
            }
        }
    }

    List<Object> filter() {
        return random.nextBoolean() ? condition() : group(3);
    }

    private List<Object> group(int depth) {
        int size = 1 + random.nextInt(4);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.add(pick(WORDS));
            }
            out.add(depth > 0 && random.nextInt(4) == 0 ? group(depth - 1) : condition());
        }
        return out;
    }

    private List<Object> condition() {
        String op = pick(OPERATORS);
        Operator operator = Operator.parse(op).orElseThrow();
        Object value;
        if (operator == Operator.BETWEEN || operator == Operator.NOT_BETWEEN) {
            List<Object> ends = new ArrayList<>();
            ends.add(nonNull());
            ends.add(nonNull());
            value = ends;
        } else if (operator.takesList()) {
            List<Object> many = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                many.add(scalar());
            }
            value = many;
        } else {
            value = scalar();
        }
        List<Object> condition = new ArrayList<>();
        condition.add(pick(FIELDS));
        condition.add(op);
        condition.add(value);
        return condition;
    }

    private Object scalar() {
        return switch (random.nextInt(6)) {
            case 0 -> text();
            case 1 -> random.nextInt(2001) - 1000;
            case 2 -> Math.round((random.nextDouble() * 20 - 10) * 100) / 100.0;
            case 3 -> random.nextBoolean();
            case 4 -> "$USER";
            default -> null;
        };
    }

    private Object nonNull() {
        Object v = scalar();
        return v == null ? text() : v;
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(7); i > 0; i--) {
            out.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
        }
        return out.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
