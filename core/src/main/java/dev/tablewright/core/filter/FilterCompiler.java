package dev.tablewright.core.filter;

import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.SqlSyntax;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.filter.Filter.Condition;
import dev.tablewright.core.filter.Filter.Group;
import dev.tablewright.core.filter.Filter.Junction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a {@link Filter} into a WHERE condition on a dialect. The filter's shape was checked when
 * it was parsed; here its fields meet the schema (UNKNOWN_FIELD) and its values their fields'
 * types (INVALID_FILTER), each message naming the position as written. Values only ever become
 * bound parameters; field names are resolved against the schema and then quoted.
 */
public final class FilterCompiler {
    /** LIKE's escape character: the same on every dialect, and no backslash (MySQL reads those). */
    private static final char LIKE_ESCAPE = '!';

    private final SqlSyntax dialect;
    private final FieldResolver resolver;

    public FilterCompiler(SqlSyntax dialect, FieldResolver resolver) {
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
         * The column a {@link FilterValue.Column} names in a multi-table query; empty in a
         * single-table query, where every value is a literal (the column's name as text).
         */
        default Optional<Field> column(FilterValue.Column column) {
            return Optional.empty();
        }
    }

    /** The condition, or an empty statement when the filter has none. */
    public SqlStatement compile(Filter filter) {
        if (filter == null || filter.isEmpty()) {
            return SqlStatement.of("");
        }
        if (filter instanceof Condition c) {
            return condition(c, "filter");
        }
        return group((Group) filter, "filter", new int[]{0});
    }

    /** A group as SQL: its items joined by AND or OR, bracketed as every dialect reads them alike. */
    private SqlStatement group(Group g, String arrayAt, int[] index) {
        List<SqlStatement> parts = parts(g, arrayAt, index);
        SqlStatement.Builder out = new SqlStatement.Builder();
        if (g.junction() == Junction.AND) {
            return out.sql("((").append(join(parts, " AND ")).sql("))").build();
        }
        out.sql("(");
        for (int i = 0; i < parts.size(); i++) {
            out.sql(i == 0 ? "(" : " OR (").append(parts.get(i)).sql(")");
        }
        return out.sql(")").build();
    }

    /**
     * The group's items as SQL; an AND run written unbracketed in an OR array is one part.
     * {@code index} walks the array as the writer writes it, so a message names the position of
     * the wrong part as written.
     */
    private List<SqlStatement> parts(Group g, String arrayAt, int[] index) {
        List<SqlStatement> parts = new ArrayList<>();
        boolean first = true;
        for (Filter item : g.items()) {
            if (item.isEmpty()) {
                continue;
            }
            if (!first) {
                index[0]++;
            }
            first = false;
            if (g.inlines(item)) {
                parts.add(join(parts((Group) item, arrayAt, index), " AND "));
            } else {
                String at = arrayAt + "[" + index[0]++ + "]";
                parts.add(item instanceof Condition c ? condition(c, at) : group((Group) item, at, new int[]{0}));
            }
        }
        return parts;
    }

    private static SqlStatement join(List<SqlStatement> parts, String word) {
        SqlStatement.Builder out = new SqlStatement.Builder();
        for (int i = 0; i < parts.size(); i++) {
            out.sql(i == 0 ? "" : word).append(parts.get(i));
        }
        return out.build();
    }

    private Field field(String name, String at) {
        try {
            return resolver.resolve(name);
        } catch (TablewrightException e) {
            throw FilterException.at(at + "[0]", e);
        }
    }

    private SqlStatement condition(Condition c, String at) {
        Operator op = c.operator();
        Field field = field(c.field(), at);
        FilterValue value = c.value();
        if (value instanceof FilterValue.Items items) {
            return listCondition(field, op, items.values(), at);
        }
        if (value instanceof FilterValue.Null) {
            return switch (op) {
                case EQ -> isNull(field, true);
                case NE -> isNull(field, false);
                default -> throw invalid(at + "[2]", "null can only be compared with = or <>");
            };
        }
        Object literal;
        if (value instanceof FilterValue.Column ref) {
            Optional<Field> column = op.isTextMatch() ? Optional.empty() : resolver.column(ref);
            if (column.isPresent()) {
                if (field.isJsonPath() || column.get().isJsonPath()) {
                    throw invalid(at, "a join compares two columns, not JSON paths");
                }
                if (!comparable(field.type(), column.get().type())) {
                    throw invalid(at + "[2]", "'" + field.name() + "' is " + field.type().id() + " and '" + ref.table() + "." + ref.field() + "' is "
                            + column.get().type().id() + ": a join compares columns of the same kind");
                }
                return SqlStatement.of(field.columnSql() + comparison(op) + column.get().columnSql());
            }
            literal = ref.name();
        } else {
            literal = ((FilterValue.Literal) value).value();
        }
        String fieldName = c.field();
        Operand operand = operand(field, literal, at);
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
        if (op == Operator.NE && padded(operand)) {
            b.sql("(").append(unpadded(operand.expr())).sql(sqlOp).param("?", unpaddedValue(operand))
                    .sql(" OR ").append(operand.expr()).sql(" IS NULL)");
        } else if (op == Operator.NE) {
            b.sql("(").append(operand.expr()).sql(sqlOp).param(operand.placeholder(), operand.bound())
                    .sql(" OR ").append(operand.expr()).sql(" IS NULL)");
        } else if (op == Operator.EQ && padded(operand)) {
            // The plain comparison stays for the index; the unpadded one tells 'x ' from 'x'.
            b.sql("(").append(operand.expr()).sql(sqlOp).param(operand.placeholder(), operand.bound())
                    .sql(" AND ").append(unpadded(operand.expr())).sql(sqlOp).param("?", unpaddedValue(operand)).sql(")");
        } else {
            b.append(operand.expr()).sql(sqlOp).param(operand.placeholder(), operand.bound());
        }
        return b.build();
    }

    /** Text compared where trailing spaces would be ignored: see {@link SqlSyntax#padsTrailingSpaces}. */
    private boolean padded(Operand operand) {
        return dialect.padsTrailingSpaces() && operand.type().isTextual();
    }

    private SqlStatement unpadded(SqlStatement expr) {
        return new SqlStatement(dialect.unpadded(expr.sql()), expr.params());
    }

    private Object unpaddedValue(Operand operand) {
        return new Session.TypedValue(LogicalType.STRING, dialect.unpaddedValue(String.valueOf(operand.value())));
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
        boolean hasNull = values.stream().anyMatch(Objects::isNull);
        List<Object> nonNull = values.stream().filter(Objects::nonNull).map(v -> (Object) v).toList();
        if (op == Operator.BETWEEN || op == Operator.NOT_BETWEEN) {
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
            List<Operand> operands = new ArrayList<>();
            for (int i = 0; i < nonNull.size(); i++) {
                Operand o = operand(field, nonNull.get(i), at + "[2][" + i + "]");
                if (!operands.isEmpty() && o.type() != operands.get(0).type()) {
                    throw invalid(at + "[2][" + i + "]", "all values of '" + op.symbol() + "' must be of one kind");
                }
                operands.add(o);
            }
            Operand first = operands.get(0);
            boolean padded = padded(first);
            if (!negated || !padded) {
                b.append(first.expr()).sql(negated ? " NOT IN (" : " IN (");
                for (int i = 0; i < operands.size(); i++) {
                    b.sql(i == 0 ? "" : ", ").param(operands.get(i).placeholder(), operands.get(i).bound());
                }
                b.sql(")");
            }
            if (padded) {
                // As with '=': IN keeps the plain list for the index, NOT IN needs only the exact one.
                b.sql(negated ? "" : " AND ").append(unpadded(first.expr())).sql(negated ? " NOT IN (" : " IN (");
                for (int i = 0; i < operands.size(); i++) {
                    b.sql(i == 0 ? "" : ", ").param("?", unpaddedValue(operands.get(i)));
                }
                b.sql(")");
            }
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
            SqlSyntax.JsonKind kind;
            Object bound;
            LogicalType type;
            if (value instanceof Boolean b) {
                kind = SqlSyntax.JsonKind.BOOLEAN;
                bound = b.toString();
                type = LogicalType.BOOLEAN;
            } else if (value instanceof Number n) {
                kind = SqlSyntax.JsonKind.NUMBER;
                bound = n.doubleValue();
                type = LogicalType.NUMBER;
            } else if (value instanceof String s) {
                kind = SqlSyntax.JsonKind.STRING;
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
        return FilterException.invalid(at, why);
    }

    /** Columns a join can compare on every dialect: the same kind, text with text, numbers with numbers. */
    private static boolean comparable(LogicalType a, LogicalType b) {
        return a == b || a.isTextual() && b.isTextual() || a.isNumeric() && b.isNumeric() || a.isJson() && b.isJson();
    }
}
