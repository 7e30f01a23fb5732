package dev.tablewright.core.relation;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.connect.Session.TypedValue;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.query.TableData;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.SchemaManager;
import dev.tablewright.core.schema.TableSchema;

import java.util.List;
import java.util.Map;

/**
 * The rows of one table linked to one row of another through their many-to-many junction, read
 * as the linked table's own rows (filter, fields, order, limit and offset apply to them), so a
 * row with thousands of links is read a page at a time. The junction is hidden: no other read
 * reaches it.
 */
public final class LinkedRows {
    private final Dialect dialect;
    private final SchemaManager schemas;
    private final TableData data;
    private final Relations relations;

    public LinkedRows(Dialect dialect, SchemaManager schemas, TableData data, Relations relations) {
        this.dialect = dialect;
        this.schemas = schemas;
        this.data = data;
        this.relations = relations;
    }

    /** The rows of {@code targetTable} linked to the {@code sourceTable} row {@code sourceId}. */
    public List<Map<String, Object>> read(String sourceTable, Object sourceId, String targetTable, ReadOptions options) {
        return data.readFrom(targetTable, options == null ? ReadOptions.none() : options, source(sourceTable, sourceId, targetTable));
    }

    /** How many of them the filter matches ({@code limit}: counting stops there). */
    public long count(String sourceTable, Object sourceId, String targetTable, ReadOptions options) {
        return data.countFrom(targetTable, options == null ? ReadOptions.none() : options, source(sourceTable, sourceId, targetTable));
    }

    /** The linked rows as a derived table named after the target table, with its columns. */
    private SqlStatement source(String sourceTable, Object sourceId, String targetTable) {
        TableSchema source = schemas.require(sourceTable);
        TableSchema target = schemas.require(targetTable);
        Relations.Junction j = relations.junction(sourceTable, targetTable).orElseThrow(() -> new TablewrightException(ErrorCode.INVALID_ARGUMENT,
                "'" + sourceTable + "' and '" + targetTable + "' have no many-to-many relationship. Define one with optionallyHasMany."));
        if (sourceTable.equals(targetTable)) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "A table's links to itself have no side to read from.");
        }
        if (sourceId == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Give the id of the '" + sourceTable + "' row whose links to read.");
        }
        FieldSpec sourceKey = key(source);
        key(target);
        String targetPk = target.primaryKey().get(0);
        TypedValue id = new TypedValue(sourceKey.type(), Values.coerce(source.primaryKey().get(0), sourceKey.type(), sourceId));
        return new SqlStatement.Builder().sql("(SELECT o.* FROM ").sql(q(targetTable)).sql(" o WHERE o.").sql(q(targetPk)).sql(" IN (SELECT j.")
                .sql(q(j.fieldFor(targetTable))).sql(" FROM ").sql(q(j.table())).sql(" j WHERE j.").sql(q(j.fieldFor(sourceTable))).sql(" = ")
                .param(dialect.placeholder(sourceKey.type()), id).sql(")) ").sql(q(targetTable)).build();
    }

    private static FieldSpec key(TableSchema table) {
        if (table.primaryKey().size() != 1) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Table '" + table.name() + "' needs a single-field primary key to be linked.");
        }
        return table.fields().get(table.primaryKey().get(0));
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }
}
