package dev.tablewright.core.schema;

import java.util.Map;

/** What the workbench stored about a table: whether it made it, whether it keeps history, its logical fields. */
record StoredTable(boolean created, boolean trackHistory, Map<String, FieldSpec> fields) {
}
