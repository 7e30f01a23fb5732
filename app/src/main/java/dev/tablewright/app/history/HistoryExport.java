package dev.tablewright.app.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tablewright.core.base.Json;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A record's versions or a table's audit log written as CSV or JSON, for a file. */
public final class HistoryExport {

    /** The two file formats. */
    public enum Format {
        CSV("csv"), JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private HistoryExport() {
    }

    /** Audit entries as the core returns them ({action, id, actorId, createdAt, diff}), newest first. */
    public static String auditLog(List<Map<String, Object>> entries, Format format) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("createdAt", e.get("createdAt"));
            row.put("action", e.get("action"));
            row.put("id", e.get("id"));
            row.put("actorId", e.get("actorId"));
            row.put("diff", e.get("diff"));
            rows.add(row);
        }
        return write(List.of("createdAt", "action", "id", "actorId", "diff"), rows, format);
    }

    /** A record's versions, oldest first: one column per field of the record in CSV, the whole row under {@code data} in JSON. */
    public static String versions(List<RecordVersion> versions, Format format) {
        Set<String> fields = new LinkedHashSet<>();
        versions.forEach(v -> fields.addAll(v.data().keySet()));
        List<String> columns = new ArrayList<>(List.of("version", "operation", "changedAt", "changedBy", "changedFields"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RecordVersion v : versions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", v.number());
            row.put("operation", v.operation());
            row.put("changedAt", v.changedAt());
            row.put("changedBy", v.changedBy().isEmpty() ? null : v.changedBy());
            row.put("changedFields", format == Format.CSV ? String.join(" ", v.changedFields()) : v.changedFields());
            if (format == Format.JSON) {
                row.put("data", v.data());
            } else {
                fields.forEach(f -> row.put(f, v.data().get(f)));
            }
            rows.add(row);
        }
        if (format == Format.CSV) {
            columns.addAll(fields);
        } else {
            columns.add("data");
        }
        return write(columns, rows, format);
    }

    private static String write(List<String> columns, List<Map<String, Object>> rows, Format format) {
        if (format == Format.JSON) {
            List<Object> plain = new ArrayList<>();
            rows.forEach(r -> plain.add(plain(r)));
            return Json.write(plain);
        }
        try {
            StringBuilder out = new StringBuilder(CSV.writer(CsvSchema.emptySchema()).writeValueAsString(columns));
            for (Map<String, Object> row : rows) {
                List<String> line = new ArrayList<>();
                columns.forEach(c -> line.add(cell(row.get(c))));
                out.append(CSV.writer(CsvSchema.emptySchema()).writeValueAsString(line));
            }
            return out.toString();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value for JSON: moments as ISO-8601 text, files as base64, the rest as it is. */
    private static Object plain(Object value) {
        if (value instanceof Instant i) {
            return i.toString();
        }
        if (value instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(HistoryExport::plain).toList();
        }
        return value;
    }

    /** A CSV cell: empty for null, JSON text for objects and arrays, ISO-8601 for moments. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return Json.write(plain(value));
        }
        Object p = plain(value);
        return String.valueOf(p);
    }
}
