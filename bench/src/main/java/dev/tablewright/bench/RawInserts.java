package dev.tablewright.bench;

import dev.tablewright.core.Connector;
import dev.tablewright.core.testing.TestDatabases.TestDb;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.tablewright.bench.InsertBench.BATCH;
import static dev.tablewright.bench.InsertBench.COLUMNS;
import static dev.tablewright.bench.InsertBench.MAPPER;
import static dev.tablewright.bench.InsertBench.TABLE;
import static dev.tablewright.bench.InsertBench.UUID_V7;
import static dev.tablewright.bench.InsertBench.q;
import static dev.tablewright.bench.InsertBench.rawConnection;

/**
 * The hand-written JDBC side of {@link InsertBench}: the fastest load each driver offers (PostgreSQL
 * COPY, prepared-statement batches elsewhere), with the text formatting COPY and SQLite need.
 */
final class RawInserts {
    private RawInserts() {
    }

    /** Elapsed and client CPU nanoseconds of the load (connection open excluded). */
    static InsertBench.Spent rawInsert(String dialect, TestDb db, List<Map<String, Object>> rows) throws Exception {
        try (Connection c = rawConnection(dialect, db)) {
            long cpu0 = InsertBench.processCpuNanos();
            long t0 = System.nanoTime();
            if (dialect.equals("postgres")) {
                copyInsert(c, rows);
            } else {
                batchInsert(c, dialect, rows);
            }
            return new InsertBench.Spent(System.nanoTime() - t0, InsertBench.processCpuNanos() - cpu0);
        }
    }

    static String insertSql(String dialect) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(q(dialect, TABLE)).append(" (");
        for (int i = 0; i < COLUMNS.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(q(dialect, COLUMNS.get(i)));
        }
        sql.append(") VALUES (");
        for (int i = 0; i < COLUMNS.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return sql.append(')').toString();
    }

    /** SQLite, MariaDB driver, Connector/J: prepared-statement batches of 1000 in one transaction. */
    static void batchInsert(Connection c, String dialect, List<Map<String, Object>> rows) throws Exception {
        boolean sqlite = dialect.equals("sqlite");
        // Connector/J takes a MariaDB server for MySQL 5.5 (it announces itself as 5.5.5-10.x) and
        // drops the milliseconds of a bound LocalDateTime; a string keeps them.
        boolean text = sqlite || dialect.equals("mysql");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String nowText = sqlite ? iso(new StringBuilder(24), now).toString() : sqlDateTime(new StringBuilder(24), now).toString();
        LocalDateTime nowLocal = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        StringBuilder date = new StringBuilder(24);
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(insertSql(dialect))) {
            int pending = 0;
            for (Map<String, Object> row : rows) {
                ps.setString(1, UUID_V7.generate().toString());
                ps.setString(2, (String) row.get("name"));
                ps.setLong(3, (Long) row.get("age"));
                ps.setDouble(4, (Double) row.get("price"));
                Instant created = (Instant) row.get("created");
                if (sqlite) {
                    ps.setInt(5, (Boolean) row.get("active") ? 1 : 0);
                } else {
                    ps.setBoolean(5, (Boolean) row.get("active"));
                }
                if (text) {
                    date.setLength(0);
                    ps.setString(6, (sqlite ? iso(date, created) : sqlDateTime(date, created)).toString());
                } else {
                    ps.setObject(6, LocalDateTime.ofEpochSecond(created.getEpochSecond(), created.getNano(), ZoneOffset.UTC));
                }
                ps.setString(7, MAPPER.writeValueAsString(row.get("specs")));
                ps.setString(8, (String) row.get("note"));
                if (text) {
                    ps.setString(9, nowText);
                    ps.setString(10, nowText);
                } else {
                    ps.setObject(9, nowLocal);
                    ps.setObject(10, nowLocal);
                }
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
            c.commit();
        } catch (Exception e) {
            c.rollback();
            throw e;
        }
    }

    /** PostgreSQL: COPY … FROM STDIN in text format, 1000 rows per write, one transaction. */
    static void copyInsert(Connection c, List<Map<String, Object>> rows) throws Exception {
        StringBuilder cols = new StringBuilder();
        for (int i = 0; i < COLUMNS.size(); i++) {
            cols.append(i == 0 ? "" : ", ").append(q("postgres", COLUMNS.get(i)));
        }
        String now = iso(new StringBuilder(24), Instant.now().truncatedTo(ChronoUnit.MILLIS)).toString();
        c.setAutoCommit(false);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        CopyIn in = copy.copyIn("COPY " + q("postgres", TABLE) + " (" + cols + ") FROM STDIN");
        try {
            StringBuilder sb = new StringBuilder(256 * BATCH);
            int pending = 0;
            for (Map<String, Object> row : rows) {
                sb.append(UUID_V7.generate().toString()).append('\t');
                copyText(sb, (String) row.get("name")).append('\t');
                sb.append((long) (Long) row.get("age")).append('\t');
                sb.append((double) (Double) row.get("price")).append('\t');
                sb.append((Boolean) row.get("active") ? 't' : 'f').append('\t');
                iso(sb, (Instant) row.get("created")).append('\t');
                copyText(sb, MAPPER.writeValueAsString(row.get("specs"))).append('\t');
                copyText(sb, (String) row.get("note")).append('\t');
                sb.append(now).append('\t').append(now).append('\n');
                if (++pending == BATCH) {
                    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    sb.setLength(0);
                    pending = 0;
                }
            }
            if (pending > 0) {
                byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
            }
            in.endCopy();
            c.commit();
        } catch (Exception e) {
            if (in.isActive()) {
                in.cancelCopy();
            }
            c.rollback();
            throw e;
        }
    }

    /** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
    static StringBuilder copyText(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb;
    }

    /** Fixed-width {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (years 1–9999), without DateTimeFormatter. */
    static StringBuilder iso(StringBuilder sb, Instant t) {
        return dateTime(sb, t, 'T').append('Z');
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSS} in UTC: a DATETIME(3) literal. */
    static StringBuilder sqlDateTime(StringBuilder sb, Instant t) {
        return dateTime(sb, t, ' ');
    }

    static StringBuilder dateTime(StringBuilder sb, Instant t, char separator) {
        long secs = t.getEpochSecond();
        long days = Math.floorDiv(secs, 86_400);
        int sod = (int) Math.floorMod(secs, 86_400);
        LocalDate d = LocalDate.ofEpochDay(days);
        pad(sb, d.getYear(), 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        pad(sb, d.getDayOfMonth(), 2).append(separator);
        pad(sb, sod / 3600, 2).append(':');
        pad(sb, sod / 60 % 60, 2).append(':');
        pad(sb, sod % 60, 2).append('.');
        return pad(sb, t.getNano() / 1_000_000, 3);
    }

    static StringBuilder pad(StringBuilder sb, int v, int width) {
        int digits = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : 4;
        for (int i = digits; i < width; i++) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
