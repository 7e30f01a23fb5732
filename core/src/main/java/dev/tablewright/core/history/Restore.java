package dev.tablewright.core.history;

import dev.tablewright.core.base.Dates;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.filter.Filter.Condition;
import dev.tablewright.core.filter.FilterValue;
import dev.tablewright.core.filter.Operator;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.query.TableData;
import dev.tablewright.core.schema.TableSchema;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * restoreRow (contract section 10.1): the values a row had at a moment written back through the
 * ordinary writes, so the restore is itself a recorded change, checked like any other, all or
 * nothing.
 */
final class Restore {
    private static final Set<String> OPTIONS = Set.of("asOf", "fields");

    private final TableData data;
    private final HistoryReads reads;
    private final TimeTravel travel;

    Restore(TableData data, HistoryReads reads, TimeTravel travel) {
        this.data = data;
        this.reads = reads;
        this.travel = travel;
    }

    Map<String, Object> restore(String table, Object id, Map<String, ?> options) {
        TableSchema schema = reads.requireTracking(table);
        Map<String, ?> o = options == null ? Map.of() : options;
        for (String key : o.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Unknown option '" + Names.printable(key) + "'. Known: asOf, fields.");
            }
        }
        if (id == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "restoreRow needs the id of the row to restore.");
        }
        if (o.get("asOf") == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "restoreRow needs options.asOf: the moment whose values are written back.");
        }
        List<String> fields = fields(schema, o.get("fields"));
        Instant at = travel.moment(schema, String.valueOf(o.get("asOf")));
        String rowId = String.valueOf(id);
        HistoryReads.Version then = at == null ? null : reads.stateAt(schema, rowId, at);
        if (then == null || then.operation().equals("delete")) {
            throw new TablewrightException(ErrorCode.NOT_FOUND, "Row '" + Names.printable(rowId) + "' of '" + table + "' did not exist at "
                    + Dates.store(at == null ? Moments.instant(String.valueOf(o.get("asOf")), "asOf") : at) + ".");
        }
        String pk = schema.primaryKey().get(0);
        Map<String, Object> now = data.findOne(table, ReadOptions.builder().filter(Condition.of(pk, Operator.EQ, FilterValue.of(id))).autoJoin(false).build());
        Map<String, Object> values = new LinkedHashMap<>();
        if (now != null) {
            for (String f : fields == null ? schema.fields().keySet() : fields) {
                if (!f.equals(pk) && !(schema.hasAutoFields() && (f.equals("createdAt") || f.equals("updatedAt"))) && then.data().containsKey(f)) {
                    values.put(f, then.data().get(f));
                }
            }
            if (values.isEmpty()) {
                return now;
            }
            return data.change(table, now.get(pk), values, false);
        }
        // Deleted since: back as it was when deleted, with the named fields as they were then.
        Map<String, Object> last = fields == null ? then.data() : reads.stateAt(schema, rowId, null).data();
        for (String f : schema.fields().keySet()) {
            Object v = fields == null || fields.contains(f) ? then.data().get(f) : last.get(f);
            if (v != null) {
                values.put(f, v);
            }
        }
        values.put(pk, then.data().get(pk) == null ? id : then.data().get(pk));
        if (schema.hasAutoFields()) {
            values.remove("updatedAt");
        }
        return data.insert(table, values);
    }

    private static List<String> fields(TableSchema schema, Object given) {
        if (given == null) {
            return null;
        }
        List<String> fields = given instanceof List<?> l ? l.stream().map(String::valueOf).toList() : given instanceof String s ? List.of(s) : null;
        if (fields == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'fields' is a list of field names.");
        }
        for (String f : fields) {
            if (!schema.fields().containsKey(f)) {
                throw new TablewrightException(ErrorCode.UNKNOWN_FIELD, "Table '" + schema.name() + "' has no field '" + Names.printable(f)
                        + "'. Its fields: " + String.join(", ", schema.fields().keySet()) + ".");
            }
        }
        return fields;
    }
}
