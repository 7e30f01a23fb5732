package dev.tablewright.app.grid;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tablewright.app.task.TaskContext;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Export and import in chunks, so a table of any size passes through a bounded amount of memory,
 * with progress reported and cancel looked at between chunks.
 */
final class TableTransfer {
    static final int CHUNK = 1000;

    private TableTransfer() {
    }

    /**
     * Writes the rows of {@code window} to {@code file} (CSV with a header line, or a JSON array),
     * reading them by keyset chunk after chunk. The file appears only when every row is written: a
     * cancelled or failed export leaves no half file.
     */
    static long export(Connector connector, RowWindow window, Filter filter, Path file, RowFormat format, TaskContext context)
            throws IOException {
        long total = connector.countRows(window.table(), ReadOptions.filter(filter));
        Path part = file.resolveSibling(file.getFileName() + ".part");
        long written = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(part, StandardCharsets.UTF_8))) {
            List<String> fields = window.fields();
            SequenceWriter csv = null;
            JsonGenerator json = null;
            if (format == RowFormat.JSON) {
                json = Json.MAPPER.getFactory().createGenerator(out).useDefaultPrettyPrinter();
                json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                json.writeStartArray();
            } else if (format == RowFormat.CSV) {
                csv = RowFormat.CSV_MAPPER.writer(RowFormat.csvSchema(fields, true)).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        .writeValues(out);
            } else {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Export writes CSV or JSON; INSERT statements are for the clipboard only.");
            }
            List<Map<String, Object>> chunk = window.first(CHUNK);
            while (!chunk.isEmpty()) {
                if (context.isCancelled()) {
                    throw new CancellationException("Export cancelled after " + written + " rows");
                }
                for (Map<String, Object> row : chunk) {
                    if (json != null) {
                        Json.MAPPER.writeValue(json, row);
                    } else {
                        csv.write(RowFormat.csvLine(fields, row));
                    }
                }
                written += chunk.size();
                context.progress(written, total, written + " of " + total + " rows");
                if (chunk.size() < CHUNK) {
                    break;
                }
                chunk = window.after(chunk.get(chunk.size() - 1), written - 1, CHUNK);
            }
            if (json != null) {
                json.writeEndArray();
                json.close();
            } else {
                csv.close();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        return written;
    }

    /**
     * Reads a CSV file with a header line into {@code table}. An existing table gets the values read
     * in its fields' types ({@code addRows}); a new table is made by {@code autoAddRows}, with each
     * column's type guessed from the first chunk (whole numbers, numbers, true/false, else text).
     * An empty cell is null (CSV cannot tell an empty text from a missing value; export writes both
     * as an empty cell). Each chunk is one transaction: a cancelled import keeps the chunks
     * before it, and says how many rows that was.
     */
    static long importCsv(Connector connector, String table, Path file, TaskContext context) throws IOException {
        TableSchema target = connector.getAllTables().contains(table) ? connector.getTableSchema(table) : null;
        long size = Files.size(file);
        AtomicLong read = new AtomicLong();
        long imported = 0;
        CsvSchema header = CsvSchema.emptySchema().withHeader();
        try (InputStream in = new Counting(Files.newInputStream(file), read);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> lines = RowFormat.CSV_MAPPER.readerForMapOf(String.class).with(header)
                     .with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS).readValues(reader)) {
            Map<String, LogicalType> guessed = null;
            List<Map<String, String>> chunk = new ArrayList<>(CHUNK);
            while (true) {
                boolean more = lines.hasNextValue();
                if (more) {
                    chunk.add(lines.nextValue());
                }
                if (chunk.size() == CHUNK || (!more && !chunk.isEmpty())) {
                    if (context.isCancelled()) {
                        throw new CancellationException("Import cancelled after " + imported + " rows");
                    }
                    if (target != null) {
                        imported += connector.addRows(table, typed(chunk, target));
                    } else {
                        if (guessed == null) {
                            guessed = guessTypes(chunk);
                        }
                        imported += connector.autoAddRows(table, converted(chunk, guessed));
                    }
                    chunk.clear();
                    context.progress(read.get(), size, imported + " rows imported");
                }
                if (!more) {
                    return imported;
                }
            }
        }
    }

    private static List<Map<String, Object>> typed(List<Map<String, String>> chunk, TableSchema schema) {
        Map<String, LogicalType> types = new LinkedHashMap<>();
        schema.fields().forEach((name, spec) -> types.put(name, spec.type()));
        List<Map<String, Object>> out = new ArrayList<>(chunk.size());
        for (Map<String, String> line : chunk) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Map.Entry<String, String> cell : line.entrySet()) {
                FieldSpec spec = schema.fields().get(cell.getKey());
                if (spec == null) {
                    throw new TablewrightException(ErrorCode.UNKNOWN_FIELD, "The CSV column '" + cell.getKey() + "' is not a field of table '"
                            + schema.name() + "'. Its fields: " + String.join(", ", schema.fields().keySet()) + ".");
                }
                if (spec.auto() && (cell.getValue() == null || cell.getValue().isEmpty())) {
                    continue;
                }
                row.put(cell.getKey(), value(spec.type(), cell.getValue()));
            }
            out.add(row);
        }
        return out;
    }

    /** Cell text in a field's type: JSON parsed, the rest left as text for the core to check and convert. */
    private static Object value(LogicalType type, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return type.isJson() ? CellValues.parseJson(text) : text;
    }

    static Map<String, LogicalType> guessTypes(List<Map<String, String>> chunk) {
        Map<String, LogicalType> types = new LinkedHashMap<>();
        for (String column : chunk.get(0).keySet()) {
            LogicalType type = null;
            for (Map<String, String> line : chunk) {
                String v = line.get(column);
                if (v == null || v.isEmpty()) {
                    continue;
                }
                LogicalType t = guess(v);
                type = type == null ? t : widen(type, t);
            }
            types.put(column, type == null ? LogicalType.STRING : type);
        }
        return types;
    }

    private static LogicalType guess(String v) {
        if (v.equals("true") || v.equals("false")) {
            return LogicalType.BOOLEAN;
        }
        try {
            Long.parseLong(v);
            return LogicalType.INTEGER;
        } catch (NumberFormatException notWhole) {
            try {
                double d = Double.parseDouble(v);
                return Double.isFinite(d) ? LogicalType.NUMBER : LogicalType.STRING;
            } catch (NumberFormatException notNumber) {
                return LogicalType.STRING;
            }
        }
    }

    private static LogicalType widen(LogicalType a, LogicalType b) {
        if (a == b) {
            return a;
        }
        if ((a == LogicalType.INTEGER && b == LogicalType.NUMBER) || (a == LogicalType.NUMBER && b == LogicalType.INTEGER)) {
            return LogicalType.NUMBER;
        }
        return LogicalType.STRING;
    }

    private static List<Map<String, Object>> converted(List<Map<String, String>> chunk, Map<String, LogicalType> types) {
        List<Map<String, Object>> out = new ArrayList<>(chunk.size());
        for (Map<String, String> line : chunk) {
            Map<String, Object> row = new LinkedHashMap<>();
            line.forEach((column, text) -> {
                LogicalType t = types.getOrDefault(column, LogicalType.STRING);
                Object v;
                if (text == null || text.isEmpty()) {
                    v = null;
                } else {
                    v = switch (t) {
                        case INTEGER -> parseOr(text, Long::parseLong);
                        case NUMBER -> parseOr(text, Double::parseDouble);
                        case BOOLEAN -> text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : text;
                        default -> text;
                    };
                }
                row.put(column, v);
            });
            out.add(row);
        }
        return out;
    }

    /** A later chunk may hold a value the first did not: it goes as text, and the core says what does not fit. */
    private static Object parseOr(String text, Function<String, Object> parse) {
        try {
            return parse.apply(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** Counts the bytes read, for progress through a file of known size. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
