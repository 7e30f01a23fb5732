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
     * {@code (SELECT <each column from the stored JSON> FROM history WHERE it is its row's last
     * version at or before the moment and not a delete) "table"}.
     */
    private SqlStatement source(TableSchema schema, Instant at) {
        String hist = q(InternalNames.historyTable(schema.name()));
        String id = q("historyId");
        List<String> columns = new ArrayList<>();
        for (Map.Entry<String, FieldSpec> f : schema.fields().entrySet()) {
            columns.add(dialect.historyValue("h." + q("data"), f.getKey(), f.getValue().type()) + " AS " + q(f.getKey()));
        }
        return new SqlStatement.Builder().sql("(SELECT ").sql(String.join(", ", columns)).sql(" FROM ").sql(hist).sql(" h WHERE h.").sql(id)
                .sql(" IN (SELECT MAX(x.").sql(id).sql(") FROM ").sql(hist).sql(" x WHERE x.").sql(q("changedAt")).sql(" <= ")
                .param("?", new TypedValue(LogicalType.DATE, at)).sql(" AND x.").sql(q("operation")).sql(" <> '" + HistoryReads.TRACKING + "' GROUP BY x.")
                .sql(q("rowId")).sql(") AND h.").sql(q("operation")).sql(" <> 'delete') ").sql(q(schema.name())).build();
    }
}
