package dev.tablewright.core.history;

import dev.tablewright.core.base.Dates;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.connect.Session.TypedValue;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.query.TableData;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tracked table as it stood at a moment (contract section 10.1): each row's last version at or
 * before it, read by the database as a derived table with the table's columns, so the usual
 * filter, fields, order, limit and offset apply to the values of then.
 */
final class TimeTravel {
    private final Dialect dialect;
    private final TableData data;
    private final HistoryReads reads;

    TimeTravel(Session session, TableData data, HistoryReads reads) {
        this.dialect = session.dialect();
        this.data = data;
        this.reads = reads;
    }

    private String q(String name) {
        return dialect.quoteIdentifier(name);
    }

    List<Map<String, Object>> read(String table, ReadOptions options) {
        TableSchema schema = reads.requireTracking(table);
        if (options.labels() != null && !options.labels().isEmpty()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT,
                    "'labels' reads parents as they are, and 'asOf' the rows as they were: read the parents with their own asOf, by key.");
        }
        Instant at = moment(schema, options.asOf());
        if (at == null) {
            return List.of();
        }
        // Parents are not joined: they would be today's rows beside the rows of then.
        ReadOptions o = options.toBuilder().asOf(null).autoJoin(false).build();
        return data.readFrom(table, o, o.limit() == null ? source(schema, at) : pagedSource(schema, at, o));
    }

    long count(String table, ReadOptions options) {
        TableSchema schema = reads.requireTracking(table);
        Instant at = moment(schema, options.asOf());
        return at == null ? 0 : data.countFrom(table, options.toBuilder().asOf(null).build(), source(schema, at));
    }

    /**
     * The moment asked for; null when the table was tracked since it was empty and the moment is
     * before that (no rows then). Before tracking began on a table that had rows:
     * {@code INVALID_ARGUMENT}, naming the moment it began.
     */
    Instant moment(TableSchema schema, String asOf) {
        Instant at = Moments.instant(asOf, "asOf");
        HistoryReads.TrackingStart start = reads.trackingStart(schema);
        if (start != null && at.isBefore(start.at())) {
            if (start.rows() == 0) {
                return null;
            }
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'" + schema.name() + "' keeps history since " + Dates.store(start.at())
                    + ", when it already had rows: how it stood at " + Dates.store(at) + " is unknown. Ask for a moment since then.");
        }
        return at;
    }

    /**
     * The rows at the moment as a derived table named after the table: the rows of the table not
     * changed since ({@link #unchanged}) and the rows updated or deleted since as they were then
     * ({@link #changed}).
     */
    private SqlStatement source(TableSchema schema, Instant at) {
        return new SqlStatement.Builder().sql("(SELECT * FROM ").append(unchanged(schema, at)).sql(" UNION ALL SELECT * FROM ").append(changed(schema, at))
                .sql(") ").sql(q(schema.name())).build();
    }

    /**
     * {@link #source} for a page: each part gives only its first offset + limit rows in the order
     * asked, so the table's part is read in that order (by index where one fits) and stops there,
     * rather than every row being read and sorted.
     */
    private SqlStatement pagedSource(TableSchema schema, Instant at, ReadOptions page) {
        ReadOptions part = page.toBuilder().fields(null).limit(page.limit() + (page.offset() == null ? 0 : page.offset())).offset(null).build();
        return new SqlStatement.Builder().sql("(SELECT * FROM (").append(data.selectFrom(schema.name(), part, unchanged(schema, at)))
                .sql(") a UNION ALL SELECT * FROM (").append(data.selectFrom(schema.name(), part, changed(schema, at))).sql(") b) ").sql(q(schema.name())).build();
    }

    /** The table's rows with no version after the moment (a probe of the (rowId, historyId) index each), as a derived table named after it. */
    private SqlStatement unchanged(TableSchema schema, Instant at) {
        List<String> columns = new ArrayList<>();
        for (String f : schema.fields().keySet()) {
            columns.add("t." + q(f));
        }
        TypedValue moment = new TypedValue(LogicalType.DATE, at);
        // A correlated scalar subquery rather than NOT EXISTS: every dialect runs it per row, so a
        // page in key order reads only its rows (PostgreSQL made NOT EXISTS a merge over the whole index).
        return new SqlStatement.Builder().sql("(SELECT ").sql(String.join(", ", columns)).sql(" FROM ").sql(q(schema.name())).sql(" t WHERE COALESCE((SELECT MAX(x.")
                .sql(q("changedAt")).sql(") FROM ").sql(q(InternalNames.historyTable(schema.name()))).sql(" x WHERE x.").sql(q("rowId")).sql(" = ")
                .sql(dialect.historyRowId("t." + q(schema.primaryKey().get(0)))).sql("), ").param("?", moment).sql(") <= ").param("?", moment).sql(") ")
                .sql(q(schema.name())).build();
    }

    /**
     * The rows updated or deleted since the moment, each as its last version at or before it
     * unless that is a delete (found through the changedAt index), as a derived table named after
     * the table. A row only inserted since did not exist then.
     */
    private SqlStatement changed(TableSchema schema, Instant at) {
        String hist = q(InternalNames.historyTable(schema.name()));
        String id = q("historyId");
        String rowId = q("rowId");
        String changedAt = q("changedAt");
        List<String> stored = new ArrayList<>();
        for (Map.Entry<String, FieldSpec> f : schema.fields().entrySet()) {
            stored.add(dialect.historyValue("h." + q("data"), f.getKey(), f.getValue().type()) + " AS " + q(f.getKey()));
        }
        TypedValue moment = new TypedValue(LogicalType.DATE, at);
        // Driven from the few versions after the moment: each names its row's last version at or
        // before it (on the (rowId, historyId) index), which is then read by its key.
        return new SqlStatement.Builder().sql("(SELECT ").sql(String.join(", ", stored)).sql(" FROM (SELECT DISTINCT (SELECT MAX(x.").sql(id).sql(") FROM ").sql(hist)
                .sql(" x WHERE x.").sql(rowId).sql(" = y.").sql(rowId).sql(" AND x.").sql(changedAt).sql(" <= ").param("?", moment).sql(") AS ").sql(q("then"))
                .sql(" FROM ").sql(hist).sql(" y WHERE y.").sql(changedAt).sql(" > ").param("?", moment).sql(" AND y.").sql(q("operation"))
                .sql(" IN ('update', 'delete')) c JOIN ").sql(hist).sql(" h ON h.").sql(id).sql(" = c.").sql(q("then")).sql(" WHERE h.").sql(q("operation"))
                .sql(" NOT IN ('delete', '" + HistoryReads.TRACKING + "')) ").sql(q(schema.name())).build();
    }
}
