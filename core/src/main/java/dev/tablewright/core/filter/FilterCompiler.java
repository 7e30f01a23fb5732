package dev.tablewright.core.filter;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a filter array (section 5) into a WHERE condition. Values only ever become bound
 * parameters; field names are resolved against the schema and then quoted.
 */
public final class FilterCompiler {
    /** LIKE's escape character: the same on every dialect, and no backslash (MySQL reads those). */
    private static final char LIKE_ESCAPE = '!';

    private final Dialect dialect;
    private final FieldResolver resolver;

    public FilterCompiler(Dialect dialect, FieldResolver resolver) {
        this.dialect = dialect;
        this.resolver = resolver;
    }

    /** A field as SQL: a column, or a path inside a json/jsonb column. */
    public record Field(String name, String columnSql, LogicalType type, List<String> jsonPath) {
        public boolean isJsonPath() {
            return !jsonPath.isEmpty();
        }
    }

    /** Resolves a filter's field name, or throws {@code UNKNOWN_FIELD}. */
    @FunctionalInterface
    public interface FieldResolver {
        Field resolve(String name);

        /**
         * In a multi-table query, a value {@code 'table.field'} naming a column of a queried table
         * is that column (how joins are written); in single-table queries values are literals.
         */
        default java.util.Optional<Field> columnReference(Object value) {
            return java.util.Optional.empty();
        }
    }

    /** The condition, or an empty statement when the filter has none. */
    public SqlStatement compile(Object filter) {
        if (filter == null) {
            return SqlStatement.of("");
        }
        if (!(filter instanceof List<?> list)) {
            throw invalid("filter", "a filter is an array: [field, operator, value] or conditions joined by 'and'/'or'");
        }
        if (list.isEmpty()) {
            return SqlStatement.of("");
        }
        return node(list, "filter");
    }

    private SqlStatement node(List<?> list, String at) {
        if (isCondition(list, at)) {
            return condition(list, at);
        }
        // A group: items joined by 'and' / 'or'; AND binds tighter; adjacent items without a word are ANDed.
        List<List<SqlStatement>> ors = new ArrayList<>();
        List<SqlStatement> ands = new ArrayList<>();
        boolean expectItem = true;
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String here = at + "[" + i + "]";
            if (item instanceof String word) {
                String w = word.trim().toLowerCase(Locale.ROOT);
                if (!w.equals("and") && !w.equals("or")) {
                    throw invalid(here, "expected 'and', 'or' or a condition, got '" + Names.printable(word) + "'");
                }
                if (expectItem) {
                    throw invalid(here, "'" + w + "' must stand between two conditions");
                }
                if (w.equals("or")) {
                    ors.add(ands);
                    ands = new ArrayList<>();
                }
                expectItem = true;
            } else if (item instanceof List<?> sub) {
                if (sub.isEmpty()) {
                    throw invalid(here, "an empty condition");
                }
                ands.add(node(sub, here));
                expectItem = false;
            } else {
                throw invalid(here, "expected a condition [field, operator, value], got " + Names.printable(String.valueOf(item)));
            }
        }
        if (expectItem) {
            throw invalid(at + "[" + (list.size() - 1) + "]", "the filter ends with 'and'/'or'");
        }
        ors.add(ands);
        SqlStatement.Builder out = new SqlStatement.Builder();
        out.sql("(");
        for (int o = 0; o < ors.size(); o++) {
            if (o > 0) {
                out.sql(" OR ");
            }
            List<SqlStatement> group = ors.get(o);
            out.sql("(");
            for (int a = 0; a < group.size(); a++) {
                if (a > 0) {
                    out.sql(" AND ");
                }
                out.append(group.get(a));
            }
            out.sql(")");
        }
        return out.sql(")").build();
    }

    private boolean isCondition(List<?> list, String at) {
        if (!(list.get(0) instanceof String first)) {
            return false;
        }
        String w = first.trim().toLowerCase(Locale.ROOT);
        if (w.equals("and") || w.equals("or")) {
            return false;
        }
        if (list.size() != 3) {
            throw invalid(at, "a condition has three parts [field, operator, value], this one has " + list.size());
        }
        if (!(list.get(1) instanceof String op)) {
            throw invalid(at + "[1]", "the operator must be text such as '=' or 'contains'");
        }
        if (Operator.parse(op).isEmpty()) {
            throw invalid(at + "[1]", "unknown operator '" + Names.printable(op) + "'. Known: = eq is, <> ne isnot, > gt, >= gte, < lt, <= lte, "
                    + "contains, notcontains, startswith, endswith, between, notbetween, in, notin");
        }
        return true;
    }

    private SqlStatement condition(List<?> c, String at) {
        String fieldName = (String) c.get(0);
        Operator op = Operator.parse((String) c.get(1)).orElseThrow();
        Object value = c.get(2);
        Field field = resolver.resolve(fieldName);
        if (op.takesList()) {
            if (!(value instanceof List<?> values)) {
                throw invalid(at + "[2]", "'" + op.symbol() + "' takes an array of values");
            }
            if ((op == Operator.BETWEEN || op == Operator.NOT_BETWEEN) && values.size() != 2) {
                throw invalid(at + "[2]", "'" + op.symbol() + "' takes two values [low, high]");
            }
            return listCondition(field, op, values, at);
        }
        if (value instanceof List<?> || value instanceof java.util.Map<?, ?>) {
            throw invalid(at + "[2]", "'" + op.symbol() + "' compares with one value, not an array or object");
        }
        if (value == null) {
            return switch (op) {
                case EQ -> isNull(field, true);
                case NE -> isNull(field, false);
                default -> throw invalid(at + "[2]", "null can only be compared with = or <>");
            };
        }
        java.util.Optional<Field> column = op.isTextMatch() ? java.util.Optional.empty() : resolver.columnReference(value);
        if (column.isPresent()) {
            String sqlOp = comparison(op);
            if (field.isJsonPath() || column.get().isJsonPath()) {
                throw invalid(at, "a join compares two columns, not JSON paths");
            }
            return SqlStatement.of(field.columnSql() + sqlOp + column.get().columnSql());
        }
        Operand operand = operand(field, value, at);
        if (op.isTextMatch()) {
            if (!operand.type().isTextual()) {
                throw invalid(at, "'" + op.symbol() + "' works on text fields; '" + Names.printable(fieldName) + "' is " + operand.type().id());
            }
            String pattern = switch (op) {
                case CONTAINS, NOT_CONTAINS -> "%" + escapeLike(String.valueOf(operand.value())) + "%";
                case STARTS_WITH -> escapeLike(String.valueOf(operand.value())) + "%";
                default -> "%" + escapeLike(String.valueOf(operand.value()));
            };
            SqlStatement.Builder b = new SqlStatement.Builder();
            boolean negated = op == Operator.NOT_CONTAINS;
            if (negated) {
                b.sql("(");
            }
            b.sql(dialect.lower(operand.expr().sql())).sql(negated ? " NOT LIKE " : " LIKE ");
            prependParams(b, operand.expr());
            b.param(dialect.lower("?"), pattern).sql(" ESCAPE '" + LIKE_ESCAPE + "'");
            if (negated) {
                b.sql(" OR ").append(operand.expr()).sql(" IS NULL)");
            }
            return b.build();
        }
        String sqlOp = comparison(op);
        SqlStatement.Builder b = new SqlStatement.Builder();
        if (op == Operator.NE) {
            b.sql("(").append(operand.expr()).sql(sqlOp).param(operand.placeholder(), operand.bound())
                    .sql(" OR ").append(operand.expr()).sql(" IS NULL)");
        } else {
            b.append(operand.expr()).sql(sqlOp).param(operand.placeholder(), operand.bound());
        }
        return b.build();
    }

    private static String comparison(Operator op) {
        return switch (op) {
            case EQ -> " = ";
            case NE -> " <> ";
            case GT -> " > ";
            case GTE -> " >= ";
            case LT -> " < ";
            case LTE -> " <= ";
            default -> throw new IllegalStateException(op.name());
        };
    }

    /** Params of an expression go before the pattern's; Builder.sql already wrote its text. */
    private static void prependParams(SqlStatement.Builder b, SqlStatement expr) {
        b.append(new SqlStatement("", expr.params()));
    }

    private SqlStatement listCondition(Field field, Operator op, List<?> values, String at) {
        boolean negated = op == Operator.NOT_IN || op == Operator.NOT_BETWEEN;
        if (values.isEmpty()) {
            return SqlStatement.of(negated ? "1 = 1" : "1 = 0");
        }
        boolean hasNull = values.stream().anyMatch(java.util.Objects::isNull);
        List<Object> nonNull = values.stream().filter(java.util.Objects::nonNull).map(v -> (Object) v).toList();
        if (op == Operator.BETWEEN || op == Operator.NOT_BETWEEN) {
            if (hasNull) {
                throw invalid(at + "[2]", "'between' needs two non-null values");
            }
            Operand low = operand(field, nonNull.get(0), at + "[2][0]");
            Operand high = operand(field, nonNull.get(1), at + "[2][1]");
            SqlStatement.Builder b = new SqlStatement.Builder().sql("(").append(low.expr())
                    .sql(negated ? " NOT BETWEEN " : " BETWEEN ").param(low.placeholder(), low.bound())
                    .sql(" AND ").param(high.placeholder(), high.bound());
            if (negated) {
                b.sql(" OR ").append(low.expr()).sql(" IS NULL");
            }
            return b.sql(")").build();
        }
        SqlStatement.Builder b = new SqlStatement.Builder().sql("(");
        if (!nonNull.isEmpty()) {
            Operand first = operand(field, nonNull.get(0), at + "[2][0]");
            b.append(first.expr()).sql(negated ? " NOT IN (" : " IN (");
            for (int i = 0; i < nonNull.size(); i++) {
                Operand o = i == 0 ? first : operand(field, nonNull.get(i), at + "[2][" + i + "]");
                if (o.type() != first.type()) {
                    throw invalid(at + "[2][" + i + "]", "all values of '" + op.symbol() + "' must be of one kind");
                }
                b.sql(i == 0 ? "" : ", ").param(o.placeholder(), o.bound());
            }
            b.sql(")");
        }
        if (negated) {
            // NOT IN keeps rows whose field is null unless null is one of the values.
            if (!hasNull) {
                b.sql(nonNull.isEmpty() ? "" : " OR ").append(isNull(field, true));
            } else {
                b.sql(nonNull.isEmpty() ? "" : " AND ").append(isNull(field, false));
            }
        } else if (hasNull) {
            b.sql(nonNull.isEmpty() ? "" : " OR ").append(isNull(field, true));
        }
        return b.sql(")").build();
    }

    private SqlStatement isNull(Field field, boolean isNull) {
        if (field.isJsonPath()) {
            SqlStatement n = dialect.jsonIsNull(field.columnSql(), field.type(), field.jsonPath());
            return isNull ? n : new SqlStatement("NOT " + n.sql(), n.params());
        }
        return SqlStatement.of(field.columnSql() + (isNull ? " IS NULL" : " IS NOT NULL"));
    }

    /** The left side and the bound right side of a comparison, typed. */
    private record Operand(SqlStatement expr, LogicalType type, LogicalType bindType, String placeholder, Object value) {
        Object bound() {
            return new Session.TypedValue(bindType, value);
        }
    }

    private Operand operand(Field field, Object value, String at) {
        if (field.isJsonPath()) {
            Dialect.JsonKind kind;
            Object bound;
            LogicalType type;
            if (value instanceof Boolean b) {
                kind = Dialect.JsonKind.BOOLEAN;
                bound = b.toString();
                type = LogicalType.BOOLEAN;
            } else if (value instanceof Number n) {
                kind = Dialect.JsonKind.NUMBER;
                bound = n.doubleValue();
                type = LogicalType.NUMBER;
            } else if (value instanceof String s) {
                kind = Dialect.JsonKind.STRING;
                bound = s;
                type = LogicalType.STRING;
            } else {
                throw invalid(at, "a JSON path compares with a number, text, true/false or null");
            }
            SqlStatement expr = dialect.jsonValue(field.columnSql(), field.type(), field.jsonPath(), kind);
            // Booleans are compared as the text 'true'/'false' the JSON functions give.
            LogicalType bindType = type == LogicalType.BOOLEAN ? LogicalType.STRING : type;
            return new Operand(expr, type, bindType, "?", bound);
        }
        if (field.type().isJson()) {
            throw invalid(at, "compare a path inside the json field (e.g. 'specs.width'), or the field with null");
        }
        Object canonical;
        try {
            canonical = Values.coerceForComparison(field.name(), field.type(), value);
        } catch (TablewrightException e) {
            throw invalid(at, e.getMessage().replaceAll("\\.$", ""));
        }
        return new Operand(SqlStatement.of(field.columnSql()), field.type(), field.type(), "?", canonical);
    }

    static String escapeLike(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char ch : value.toCharArray()) {
            if (ch == LIKE_ESCAPE || ch == '%' || ch == '_') {
                out.append(LIKE_ESCAPE);
            }
            out.append(ch);
        }
        return out.toString();
    }

    private static TablewrightException invalid(String at, String why) {
        return new TablewrightException(ErrorCode.INVALID_FILTER, "Invalid filter at " + at + ": " + why + ".");
    }
}
