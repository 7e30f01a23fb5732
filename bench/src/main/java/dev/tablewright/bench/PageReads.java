package dev.tablewright.bench;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases.TestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.Callable;

import static dev.tablewright.bench.InsertBench.COLUMNS;
import static dev.tablewright.bench.InsertBench.MAPPER;
import static dev.tablewright.bench.InsertBench.PAGE;
import static dev.tablewright.bench.InsertBench.TABLE;
import static dev.tablewright.bench.InsertBench.connect;
import static dev.tablewright.bench.InsertBench.median;
import static dev.tablewright.bench.InsertBench.q;
import static dev.tablewright.bench.InsertBench.rawConnection;

/**
 * The read side of {@link InsertBench}: rows read back to check a load (not timed), and pages
 * read through {@code getTableData} beside hand-written keyset and OFFSET queries (timed).
 */
final class PageReads {
    private PageReads() {
    }

    private static final Set<String> WARNED = new HashSet<>();

    // ------------------------------------------------------------------------------------------
    // Checks (not timed)

    /** Row count, and a few rows read back (including ones with escaped text) equal what was given. */
    static void verify(String dialect, String mode, TestDb db, List<Map<String, Object>> rows) throws Exception {
        try (Connection c = rawConnection(dialect, db)) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + q(dialect, TABLE))) {
                rs.next();
                if (rs.getLong(1) != rows.size()) {
                    throw new IllegalStateException(dialect + ": expected " + rows.size() + " rows, found " + rs.getLong(1));
                }
            }
            int n = rows.size();
            for (int i : new int[]{0, Math.min(n - 1, 3), Math.min(n - 1, 7), n / 2, n - 1}) {
                Map<String, Object> want = rows.get(i);
                try (PreparedStatement ps = c.prepareStatement(selectSql(dialect) + " WHERE " + q(dialect, "name") + " = ?")) {
                    ps.setString(1, (String) want.get("name"));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException(dialect + ": row " + want.get("name") + " missing");
                        }
                        Map<String, Object> got = readRow(dialect, rs, true);
                        for (String k : want.keySet()) {
                            Object w = k.equals("specs") ? Json.normalize(want.get(k)) : want.get(k);
                            if (w instanceof Instant wi && got.get(k) instanceof Instant gi && !wi.equals(gi)
                                    && wi.truncatedTo(ChronoUnit.SECONDS).equals(gi) && dialect.equals("mysql") && !mode.equals("raw")) {
                                if (WARNED.add(dialect + " " + mode)) {
                                    System.out.println("  WARNING: addRows over Connector/J stored " + w + " as " + gi
                                            + ": milliseconds lost (Connector/J treats MariaDB as MySQL 5.5)");
                                }
                                continue;
                            }
                            if (!Objects.equals(w, got.get(k))) {
                                throw new IllegalStateException(dialect + ": row " + want.get("name") + " field " + k + ": wrote " + w
                                        + ", read " + got.get(k));
                            }
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Page reads

    static String selectSql(String dialect) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < COLUMNS.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(q(dialect, COLUMNS.get(i)));
        }
        return sql.append(" FROM ").append(q(dialect, TABLE)).toString();
    }

    /**
     * One row as the same Java values getTableData gives (String, Long, Double, Boolean, Instant,
     * parsed JSON), read the way a hand-written DAO would for this driver.
     */
    static Map<String, Object> readRow(String dialect, ResultSet rs, boolean normalizeJson) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", rs.getString(1));
        row.put("name", rs.getString(2));
        row.put("age", rs.getLong(3));
        row.put("price", rs.getDouble(4));
        row.put("active", rs.getBoolean(5));
        row.put("created", instant(dialect, rs, 6));
        String json = rs.getString(7);
        row.put("specs", normalizeJson ? Json.read(json) : MAPPER.readValue(json, Object.class));
        row.put("note", rs.getString(8));
        row.put("createdAt", instant(dialect, rs, 9));
        row.put("updatedAt", instant(dialect, rs, 10));
        return row;
    }

    static Instant instant(String dialect, ResultSet rs, int column) throws SQLException {
        return switch (dialect) {
            case "sqlite" -> Instant.parse(rs.getString(column));
            case "postgres" -> rs.getObject(column, OffsetDateTime.class).toInstant();
            default -> rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        };
    }

    static void readPages(String dialect, TestDb db, int n, int runs, List<InsertBench.PageRow> out, double[] counts) throws Exception {
        System.out.printf(Locale.ROOT, "page of %d rows (ms, median of %d after 5 untimed)   getTableData   raw keyset   raw OFFSET%n", PAGE, runs);
        try (Connector conn = connect(dialect, db); Connection c = rawConnection(dialect, db)) {
            String select = selectSql(dialect);
            String byOffset = select + " ORDER BY " + q(dialect, "id") + " LIMIT " + PAGE + " OFFSET ?";
            String byKey = select + " WHERE " + q(dialect, "id") + " > ? ORDER BY " + q(dialect, "id") + " LIMIT " + PAGE;
            String first = select + " ORDER BY " + q(dialect, "id") + " LIMIT " + PAGE;
            int[] offsets = n <= PAGE ? new int[]{0} : new int[]{0, n / 2, n - PAGE};
            String[] names = {"start", "middle", "end"};
            for (int p = 0; p < offsets.length; p++) {
                int offset = offsets[p];
                String after = offset == 0 ? null : idAt(dialect, c, offset - 1);
                ReadOptions options = ReadOptions.builder().order("id").limit(PAGE).offset(offset).build();
                List<Map<String, Object>> coreRows = conn.getTableData(TABLE, options);
                Callable<List<Map<String, Object>>> keyset = () -> {
                    try (PreparedStatement ps = c.prepareStatement(after == null ? first : byKey)) {
                        if (after != null) {
                            ps.setString(1, after);
                        }
                        return readAll(dialect, ps);
                    }
                };
                Callable<List<Map<String, Object>>> offsetRead = () -> {
                    try (PreparedStatement ps = c.prepareStatement(byOffset)) {
                        ps.setInt(1, offset);
                        return readAll(dialect, ps);
                    }
                };
                List<Map<String, Object>> keyRows = keyset.call();
                List<Map<String, Object>> offRows = offsetRead.call();
                if (coreRows.size() != Math.min(PAGE, n - offset) || !ids(coreRows).equals(ids(keyRows)) || !ids(coreRows).equals(ids(offRows))) {
                    throw new IllegalStateException(dialect + ": the page at " + offset + " differs between getTableData and raw JDBC");
                }
                double coreMs = medianMs(runs, () -> conn.getTableData(TABLE, options));
                double keyMs = medianMs(runs, keyset);
                double offMs = medianMs(runs, offsetRead);
                out.add(new InsertBench.PageRow(names[p], offset, coreMs, keyMs, offMs));
                System.out.printf(Locale.ROOT, "  %-6s (OFFSET %,9d)          %8.2f     %8.2f     %8.2f%n", names[p], offset, coreMs, keyMs, offMs);
            }
            counts[0] = medianMs(runs, () -> conn.countRows(TABLE, ReadOptions.none()));
            counts[1] = medianMs(runs, () -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + q(dialect, TABLE))) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            System.out.printf(Locale.ROOT, "  COUNT(*): countRows %.2f ms, raw %.2f ms%n", counts[0], counts[1]);
        }
    }

    static String idAt(String dialect, Connection c, int offset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + q(dialect, "id") + " FROM " + q(dialect, TABLE) + " ORDER BY "
                + q(dialect, "id") + " LIMIT 1 OFFSET ?")) {
            ps.setInt(1, offset);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static List<Map<String, Object>> readAll(String dialect, PreparedStatement ps) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>(PAGE);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(readRow(dialect, rs, false));
            }
        }
        return rows;
    }

    static List<Object> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("id")).toList();
    }

    /** Five untimed runs (JIT warm-up), then the median of {@code runs} timed ones, in milliseconds. */
    static double medianMs(int runs, Callable<?> work) throws Exception {
        for (int i = 0; i < 5; i++) {
            work.call();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.call();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return median(ms);
    }
}
