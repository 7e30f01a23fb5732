package dev.tablewright.app.grid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** How rows are written for the clipboard and for export files. */
public enum RowFormat {
    /** A header line with the field names, then one line per row (RFC 4180 quoting). */
    CSV,
    /** An array of objects, values as the connector gives them. */
    JSON,
    /** One INSERT per row, for the clipboard only: names quoted and values written as literals of the connection's dialect. */
    SQL_INSERT;

    /** Quotes a cell only where CSV needs it, so a UUID or a date stays as it reads. */
    static final CsvMapper CSV_MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    String write(Dialect dialect, TableSchema schema, List<String> fields, List<Map<String, Object>> rows) {
        return switch (this) {
            case CSV -> csv(fields, rows, true);
            case JSON -> json(rows);
            case SQL_INSERT -> inserts(dialect, schema, fields, rows);
        };
    }

    static CsvSchema csvSchema(List<String> fields, boolean header) {
        CsvSchema.Builder b = CsvSchema.builder();
        fields.forEach(b::addColumn);
        return b.build().withUseHeader(header);
    }

    static String csv(List<String> fields, List<Map<String, Object>> rows, boolean header) {
        List<List<String>> lines = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            lines.add(csvLine(fields, row));
        }
        try {
            StringBuilder out = new StringBuilder();
            if (header) {
                out.append(CSV_MAPPER.writer(CsvSchema.emptySchema()).writeValueAsString(fields));
            }
            for (List<String> line : lines) {
                out.append(CSV_MAPPER.writer(CsvSchema.emptySchema()).writeValueAsString(line));
            }
            return out.toString();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> csvLine(List<String> fields, Map<String, Object> row) {
        List<String> line = new ArrayList<>(fields.size());
        for (String f : fields) {
            line.add(text(row.get(f)));
        }
        return line;
    }

    /** A value as CSV cell text: dates ISO-8601 UTC, JSON as JSON text, files as base64, null as empty. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        if (value instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return Json.write(value);
        }
        return String.valueOf(value);
    }

    private static String json(List<Map<String, Object>> rows) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String inserts(Dialect dialect, TableSchema schema, List<String> fields, List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        String columns = String.join(", ", fields.stream().map(dialect::quoteIdentifier).toList());
        for (Map<String, Object> row : rows) {
            out.append("INSERT INTO ").append(dialect.quoteIdentifier(schema.name())).append(" (").append(columns).append(") VALUES (");
            for (int i = 0; i < fields.size(); i++) {
                FieldSpec spec = schema.fields().get(fields.get(i));
                LogicalType type = spec == null ? LogicalType.TEXT : spec.type();
                out.append(i == 0 ? "" : ", ").append(dialect.literal(type, row.get(fields.get(i))));
            }
            out.append(");\n");
        }
        return out.toString();
    }
}
