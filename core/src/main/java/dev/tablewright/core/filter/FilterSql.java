package dev.tablewright.core.filter;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How a filter's field names meet a table's schema, and the SQL a filter becomes on a dialect
 * without a connection: the reads use the same resolvers, so a preview shows the SQL they run.
 */
public final class FilterSql {
    private FilterSql() {
    }

    /** Fields of one table: a column, or {@code column.path.in.json} on a json/jsonb column. */
    public static FilterCompiler.FieldResolver fields(Dialect dialect, TableSchema schema) {
        return name -> {
            FieldSpec spec = schema.fields().get(name);
            if (spec != null) {
                String column = dialect.quoteIdentifier(name);
                return new FilterCompiler.Field(name, spec.type() == LogicalType.DATE ? dialect.comparableDate(column, schema.managed()) : column,
                        spec.type(), List.of());
            }
            int dot = name == null ? -1 : name.indexOf('.');
            if (dot > 0) {
                String column = name.substring(0, dot);
                FieldSpec base = schema.fields().get(column);
                if (base != null && base.type().isJson()) {
                    List<String> path = List.of(name.substring(dot + 1).split("\\.", -1));
                    for (String p : path) {
                        if (p.isEmpty() || p.indexOf('"') >= 0 || p.indexOf('\\') >= 0 || p.indexOf('\0') >= 0) {
                            throw new TablewrightException(ErrorCode.INVALID_FILTER, "Invalid JSON path '" + Names.printable(name)
                                    + "': keys must be non-empty and contain no quote, backslash or NUL.");
                        }
                        if (!dialect.supportsJsonKey(p)) {
                            throw new TablewrightException(ErrorCode.INVALID_FILTER, "The JSON key '" + Names.printable(p) + "' cannot be used in a path on "
                                    + dialect.name() + " (its JSON path syntax cannot address keys beginning with '-').");
                        }
                    }
                    return new FilterCompiler.Field(name, dialect.quoteIdentifier(column), base.type(), path);
                }
            }
            throw new TablewrightException(ErrorCode.UNKNOWN_FIELD, "Table '" + schema.name() + "' has no field '" + Names.printable(name)
                    + "'. Its fields: " + String.join(", ", schema.fields().keySet()) + ".");
        };
    }

    /**
     * Fields of a multi-table query, {@code table.field}; a value naming a column of one of the
     * tables is that column (how joins are written).
     */
    public static FilterCompiler.FieldResolver fields(Dialect dialect, Map<String, TableSchema> tables) {
        return new FilterCompiler.FieldResolver() {
            @Override
            public FilterCompiler.Field resolve(String name) {
                int dot = name == null ? -1 : name.indexOf('.');
                TableSchema schema = dot > 0 ? tables.get(name.substring(0, dot)) : null;
                if (schema == null) {
                    throw new TablewrightException(ErrorCode.UNKNOWN_FIELD, "'" + Names.printable(name) + "' is not table.field of the queried tables "
                            + tables.keySet() + ".");
                }
                FilterCompiler.Field f = fields(dialect, schema).resolve(name.substring(dot + 1));
                String base = f.isJsonPath() ? f.name().substring(0, f.name().indexOf('.')) : f.name();
                String column = dialect.quoteIdentifier(schema.name()) + "." + dialect.quoteIdentifier(base);
                if (f.type() == LogicalType.DATE && !f.isJsonPath()) {
                    column = dialect.comparableDate(column, schema.managed());
                }
                return new FilterCompiler.Field(name, column, f.type(), f.jsonPath());
            }

            @Override
            public Optional<FilterCompiler.Field> column(FilterValue.Column column) {
                TableSchema schema = tables.get(column.table());
                if (schema == null || !schema.fields().containsKey(column.field())) {
                    return Optional.empty();
                }
                return Optional.of(resolve(column.name()));
            }
        };
    }

    /**
     * The filter as a query over {@code tables} reads it: a text value {@code table.field} naming
     * a column of one of them, compared with {@code = <> > >= < <=}, is that column (a join).
     */
    public static Filter withColumns(Filter filter, Map<String, TableSchema> tables) {
        return mapConditions(filter, c -> {
            if (c.operator().takesList() || c.operator().isTextMatch() || !(c.value() instanceof FilterValue.Literal l)
                    || !(l.value() instanceof String text)) {
                return c;
            }
            return FilterValue.Column.parse(text)
                    .filter(ref -> tables.containsKey(ref.table()) && tables.get(ref.table()).fields().containsKey(ref.field()))
                    .map(c::withValue).orElse(c);
        });
    }

    private static Filter mapConditions(Filter filter, UnaryOperator<Filter.Condition> change) {
        if (filter instanceof Filter.Condition c) {
            return change.apply(c);
        }
        Filter.Group g = (Filter.Group) filter;
        return new Filter.Group(g.junction(), g.items().stream().map(i -> mapConditions(i, change)).toList(), g.words(), g.unbracketed());
    }

    /**
     * The query that reads the rows a filter matches, as getTableData builds its FROM and WHERE:
     * one table with plain field names, or several with {@code table.field} names. Values stay
     * bound parameters; {@code $USER} is left for the connector to replace.
     */
    public static SqlStatement select(Dialect dialect, List<TableSchema> tables, Filter filter) {
        if (tables.isEmpty()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Give at least one table.");
        }
        FilterCompiler.FieldResolver resolver;
        Filter read = filter;
        if (tables.size() == 1) {
            resolver = fields(dialect, tables.get(0));
        } else {
            Map<String, TableSchema> byName = new LinkedHashMap<>();
            tables.forEach(t -> byName.put(t.name(), t));
            resolver = fields(dialect, byName);
            read = filter == null ? null : withColumns(filter, byName);
        }
        SqlStatement where = new FilterCompiler(dialect, resolver).compile(read);
        SqlStatement.Builder sql = new SqlStatement.Builder().sql("SELECT * FROM ")
                .sql(String.join(", ", tables.stream().map(t -> dialect.quoteIdentifier(t.name())).toList()));
        if (!where.sql().isEmpty()) {
            sql.sql(" WHERE ").append(where);
        }
        return sql.build();
    }

    /** The values a statement binds, as plain values (without the types the binding carries), for showing. */
    public static List<Object> values(SqlStatement statement) {
        return statement.params().stream().map(p -> p instanceof Session.TypedValue t ? t.value() : p).toList();
    }
}
