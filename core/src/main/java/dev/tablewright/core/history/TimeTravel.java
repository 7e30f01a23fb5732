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
        Instant at = moment(schema, options.asOf());
        if (at == null) {
            return List.of();
        }
        // Parents are not joined: they would be today's rows beside the rows of then.
        return data.readFrom(table, options.toBuilder().asOf(null).autoJoin(false).build(), source(schema, at));
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
     * changed since (a probe of the (rowId, historyId) index each), and for the rows changed since,
     * their last version at or before the moment unless it is a delete (found through the
     * changedAt index).
     */
    private SqlStatement source(TableSchema schema, Instant at) {
        String hist = q(InternalNames.historyTable(schema.name()));
        String id = q("historyId");
        String rowId = q("rowId");
        String changedAt = q("changedAt");
        List<String> columns = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        for (Map.Entry<String, FieldSpec> f : schema.fields().entrySet()) {
            columns.add("t." + q(f.getKey()));
            stored.add(dialect.historyValue("h." + q("data"), f.getKey(), f.getValue().type()) + " AS " + q(f.getKey()));
        }
        TypedValue moment = new TypedValue(LogicalType.DATE, at);
        return new SqlStatement.Builder().sql("(SELECT ").sql(String.join(", ", columns)).sql(" FROM ").sql(q(schema.name())).sql(" t WHERE NOT EXISTS (SELECT 1 FROM ")
                .sql(hist).sql(" x WHERE x.").sql(rowId).sql(" = ").sql(dialect.historyRowId("t." + q(schema.primaryKey().get(0)))).sql(" AND x.").sql(changedAt)
                .sql(" > ").param("?", moment).sql(") UNION ALL SELECT ").sql(String.join(", ", stored)).sql(" FROM ").sql(hist).sql(" h WHERE h.").sql(id)
                .sql(" IN (SELECT MAX(x.").sql(id).sql(") FROM ").sql(hist).sql(" x WHERE x.").sql(changedAt).sql(" <= ").param("?", moment)
                .sql(" AND x.").sql(rowId).sql(" IN (SELECT y.").sql(rowId).sql(" FROM ").sql(hist).sql(" y WHERE y.").sql(changedAt).sql(" > ").param("?", moment)
                .sql(") GROUP BY x.").sql(rowId).sql(") AND h.").sql(q("operation")).sql(" NOT IN ('delete', '" + HistoryReads.TRACKING + "')) ")
                .sql(q(schema.name())).build();
    }
}
