package dev.tablewright.core.schema;

import dev.tablewright.core.dialect.DdlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The CREATE TABLE and FOREIGN KEY text the workbench writes for logical field specs, on any dialect. */
final class TableDdl {
    private TableDdl() {
    }

    /** CREATE TABLE {@code table}; {@code finalName} names the constraints (a rebuild creates the table under a temporary name). */
    static String createTableSql(DdlWriter dialect, String table, String finalName, Map<String, FieldSpec> fields) {
        List<String> pk = fields.entrySet().stream().filter(e -> e.getValue().primaryKey()).map(Map.Entry::getKey).toList();
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(dialect.quoteIdentifier(table)).append(" (");
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, FieldSpec> e : fields.entrySet()) {
            parts.add(columnSql(dialect, e.getKey(), e.getValue(), pk.size() == 1));
        }
        for (Map.Entry<String, FieldSpec> e : fields.entrySet()) {
            if (exactUnique(dialect, e.getValue(), pk.size() == 1)) {
                parts.addAll(dialect.exactUniqueKey(e.getKey()));
            }
        }
        if (pk.size() > 1) {
            parts.add("PRIMARY KEY (" + String.join(", ", pk.stream().map(dialect::quoteIdentifier).toList()) + ")");
        }
        for (Map.Entry<String, FieldSpec> e : fields.entrySet()) {
            FieldSpec.Reference r = e.getValue().references();
            if (r != null) {
                parts.add(foreignKeySql(dialect, finalName, e.getKey(), r));
            }
        }
        sql.append(String.join(", ", parts)).append(')').append(dialect.createTableSuffix());
        return sql.toString();
    }

    private static String onDeleteSql(String rule) {
        return switch (rule.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> "CASCADE";
            case "SET NULL" -> "SET NULL";
            case "RESTRICT" -> "RESTRICT";
            case "SET DEFAULT" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private static String columnSql(DdlWriter dialect, String name, FieldSpec f, boolean singlePk) {
        if (f.autoIncrement()) {
            return dialect.quoteIdentifier(name) + " " + dialect.autoIncrementPrimaryKey();
        }
        StringBuilder col = new StringBuilder(dialect.quoteIdentifier(name)).append(' ').append(dialect.columnType(f.type()));
        if (!f.allowNull() || f.primaryKey()) {
            col.append(" NOT NULL");
        }
        if (f.primaryKey() && singlePk) {
            col.append(" PRIMARY KEY");
        } else if (f.unique() && !exactUnique(dialect, f, singlePk)) {
            col.append(" UNIQUE");
        }
        return col.toString();
    }

    /** A unique field whose key is the dialect's {@link DdlWriter#exactUniqueKey} rather than the column's UNIQUE. */
    private static boolean exactUnique(DdlWriter dialect, FieldSpec f, boolean singlePk) {
        return f.unique() && !(f.primaryKey() && singlePk) && !f.autoIncrement() && dialect.uniqueNeedsExactKey(f.type());
    }

    /** A named FOREIGN KEY clause; the name is fk_<table>_<field>, cut to the 63 characters every dialect allows. */
    static String foreignKeySql(DdlWriter dialect, String table, String field, FieldSpec.Reference r) {
        return namedForeignKeySql(dialect, foreignKeyName(table, field), field, r);
    }

    /** The name the workbench gives the foreign key of {@code field} in {@code table}. */
    static String foreignKeyName(String table, String field) {
        String name = "fk_" + table + "_" + field;
        if (name.length() > 63) {
            name = name.substring(0, 54) + "_" + Integer.toHexString(name.hashCode());
        }
        return name;
    }

    static String namedForeignKeySql(DdlWriter dialect, String name, String field, FieldSpec.Reference r) {
        return "CONSTRAINT " + dialect.quoteIdentifier(name) + " FOREIGN KEY (" + dialect.quoteIdentifier(field) + ") REFERENCES "
                + dialect.quoteIdentifier(r.table()) + " (" + dialect.quoteIdentifier(r.field()) + ")"
                + (r.onDelete() == null ? "" : " ON DELETE " + onDeleteSql(r.onDelete()));
    }
}
