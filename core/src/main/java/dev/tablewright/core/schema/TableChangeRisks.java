package dev.tablewright.core.schema;

import dev.tablewright.core.base.Values;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a change to an existing table does to its rows, before it is made: the counts behind each
 * {@link TableChangeRisk} (values a new type cannot hold, empty values a required field refuses,
 * duplicates a unique key refuses, values a dropped field takes with it).
 */
final class TableChangeRisks {
    private TableChangeRisks() {
    }

    /**
     * The counts that tell what the change does to existing rows: each a {@code SELECT COUNT(*)}
     * and the risk it stands for when the count is above zero.
     */
    static List<RiskQuery> queries(Dialect dialect, TableSnapshot snapshot, TableDesign design) {
        List<RiskQuery> out = new ArrayList<>();
        TableSchema current = snapshot == null ? null : snapshot.schema();
        if (current == null || !design.existing()) {
            return out;
        }
        String t = dialect.quoteIdentifier(design.name());
        Set<String> kept = new HashSet<>();
        for (TableDesign.Field f : design.fields()) {
            if (f.original() == null) {
                FieldSpec s = f.spec();
                if (!s.allowNull() && s.defaultValue() == null && !s.auto() && snapshot.rows() > 0) {
                    out.add(new RiskQuery(f.name(), TableChangeRisk.Kind.REJECTED, null, snapshot.rows(),
                            "'" + f.name() + "' is required and has no default, and the table has %d rows that would have no value."
                                    + " Give it a default value, or allow it to be empty."));
                }
                continue;
            }
            kept.add(f.original());
            FieldSpec was = current.fields().get(f.original());
            if (was == null) {
                continue;
            }
            FieldSpec now = f.spec();
            String c = dialect.quoteIdentifier(f.original());
            if (was.type() != now.type()) {
                String loss = dialect.conversionLoss(c, was.type(), now.type());
                if (loss != null) {
                    out.add(new RiskQuery(f.name(), TableChangeRisk.Kind.DATA_LOSS, count(t, loss), 0,
                            "Changing '" + f.name() + "' from " + was.type().id() + " to " + now.type().id()
                                    + " loses or alters %d values (values that do not fit become empty, numbers are rounded, long text is cut)."));
                }
            }
            if (was.allowNull() && !now.allowNull()) {
                if (now.defaultValue() == null) {
                    out.add(new RiskQuery(f.name(), TableChangeRisk.Kind.REJECTED, count(t, c + " IS NULL"), 0,
                            "%d rows have no value for '" + f.name() + "', so it cannot be required. Give it a default value, or fill those rows first."));
                } else {
                    out.add(new RiskQuery(f.name(), TableChangeRisk.Kind.DATA_LOSS, count(t, c + " IS NULL"), 0,
                            "%d rows have no value for '" + f.name() + "'; they get the default value " + now.defaultValue() + "."));
                }
            }
            if (!was.unique() && now.unique() && !now.primaryKey()) {
                // Values the key will tell apart are not duplicates: 'x' and 'x ' under an exact key (decision 0050).
                String v = current.managed() && dialect.uniqueNeedsExactKey(now.type()) && was.type().isTextual() ? dialect.unpadded(c) : c;
                out.add(new RiskQuery(f.name(), TableChangeRisk.Kind.REJECTED,
                        count(t, v + " IN (SELECT d.v FROM (SELECT " + v + " AS v FROM " + t + " WHERE " + c + " IS NOT NULL GROUP BY " + v
                                + " HAVING COUNT(*) > 1) d)"), 0,
                        "%d rows share their value of '" + f.name() + "' with another row, so it cannot be unique. Make the values distinct first."));
            }
        }
        for (String name : current.fields().keySet()) {
            if (!kept.contains(name)) {
                String c = dialect.quoteIdentifier(name);
                out.add(new RiskQuery(name, TableChangeRisk.Kind.DATA_LOSS, count(t, c + " IS NOT NULL"), 0,
                        "Dropping '" + name + "' deletes its %d values."));
            }
        }
        return out;
    }

    private static SqlStatement count(String quotedTable, String condition) {
        return SqlStatement.of("SELECT COUNT(*) FROM " + quotedTable + " WHERE " + condition);
    }

    /**
     * One count behind a {@link TableChangeRisk}.
     *
     * @param count the query, or null when the count is already known ({@code rows})
     * @param message the risk's message with {@code %d} for the count
     */
    public record RiskQuery(String field, TableChangeRisk.Kind kind, SqlStatement count, long rows, String message) {
        public TableChangeRisk risk(long counted) {
            return new TableChangeRisk(field, kind, counted, String.format(Locale.ROOT, message, counted));
        }
    }

}
