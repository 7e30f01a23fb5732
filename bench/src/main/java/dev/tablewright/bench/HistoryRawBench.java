package dev.tablewright.bench;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.tablewright.core.Connector;
import dev.tablewright.core.testing.TestDatabases;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What keeping history costs in hand-written JDBC, the yardstick for {@link HistoryBench}: the
 * tables and triggers are the ones core makes ({@code defineTable}), the writes are raw.
 * <ul>
 *   <li>MariaDB: {@code plain} (bulk protocol, batches of 1,000, untracked table);
 *       {@code trigger} (multi-row INSERTs of 1,000 rows, each row firing the history trigger:
 *       what addRows did before decision 11); {@code capture} (the trigger standing aside,
 *       {@code @tw_bulk}; bulk protocol into the table, then the batch's history rows, built here,
 *       as a second bulk batch: what addRows does now).</li>
 *   <li>PostgreSQL: {@code plain} (COPY, 10,000 rows per COPY); {@code trigger} (the same into a
 *       tracked table: its statement-level trigger); {@code transition} (a statement trigger that
 *       only references the transition table); {@code capture} (trigger disabled, a second COPY of
 *       history rows built here).</li>
 * </ul>
 * Run with {@code bench/run.sh --history-raw [--rows N] [--rounds N] [--dialects mariadb,postgres]}.
 */
public final class HistoryRawBench {
    private static final TimeBasedEpochGenerator UUID_V7 = Generators.timeBasedEpochGenerator();
    private static final Map<String, Object> FIELDS = Map.of("name", "string", "qty", "integer", "price", "number", "specs", "jsonb");

    private HistoryRawBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int rows = a.contains("--rows") ? Integer.parseInt(a.get(a.indexOf("--rows") + 1)) : 100_000;
        int rounds = a.contains("--rounds") ? Integer.parseInt(a.get(a.indexOf("--rounds") + 1)) : 5;
        List<String> dialects = a.contains("--dialects") ? List.of(a.get(a.indexOf("--dialects") + 1).split(",")) : List.of("mariadb", "postgres");
        for (String dialect : dialects) {
            List<String> modes = dialect.equals("postgres") ? List.of("plain", "trigger", "transition", "capture") : List.of("plain", "trigger", "capture");
            Map<String, long[]> ms = new LinkedHashMap<>();
            modes.forEach(m -> ms.put(m, new long[rounds]));
            run(dialect, modes.get(0), 20_000, 0);
            for (int round = 0; round < rounds; round++) {
                List<String> order = new ArrayList<>(modes);
                if (round % 2 == 1) Collections.reverse(order);
                for (String mode : order) {
                    ms.get(mode)[round] = run(dialect, mode, rows, round);
                }
            }
            long plain = median(ms.get("plain"));
            for (Map.Entry<String, long[]> e : ms.entrySet()) {
                System.out.printf("%-9s %-11s %s median %d ms, %.2fx plain%n", dialect, e.getKey(), Arrays.toString(e.getValue()), median(e.getValue()),
                        (double) median(e.getValue()) / plain);
            }
        }
        System.exit(0);
    }

    private static long median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** One load into fresh tables; checks the row and history counts afterwards. */
    private static long run(String dialect, String mode, int n, int round) throws SQLException {
        TestDatabases.TestDb target = TestDatabases.fresh(dialect);
        boolean tracked = !mode.equals("plain");
        try (Connector db = new Connector()) {
            db.create(target.options());
            db.defineTable("items", FIELDS, Map.of("trackHistory", tracked));
        }
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(UUID_V7.generate().toString());
        }
        try (Connection c = target.openJdbc(); Statement st = c.createStatement()) {
            if (mode.equals("transition")) {
                st.execute("DROP TRIGGER __tw_h_items_ins ON items");
                st.execute("CREATE FUNCTION tw_noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$");
                st.execute("CREATE TRIGGER noop AFTER INSERT ON items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tw_noop()");
            } else if (mode.equals("capture") && dialect.equals("postgres")) {
                st.execute("ALTER TABLE items DISABLE TRIGGER __tw_h_items_ins");
            }
            System.gc();
            long start = System.nanoTime();
            c.setAutoCommit(false);
            if (dialect.equals("postgres")) {
                postgres(c, mode, ids);
            } else {
                mariadb(c, mode, ids);
            }
            c.commit();
            long ms = (System.nanoTime() - start) / 1_000_000;
            c.setAutoCommit(true);
            String history = dialect.equals("postgres") ? "\"__history_items\"" : "`__history_items`";
            long stored = count(st, "SELECT COUNT(*) FROM items");
            long versions = tracked ? count(st, "SELECT COUNT(*) FROM " + history) : 0;
            boolean wantVersions = mode.equals("trigger") || mode.equals("capture");
            if (stored != n || versions != (wantVersions ? n : 0)) {
                throw new IllegalStateException(dialect + " " + mode + ": " + stored + " rows, " + versions + " versions, for " + n);
            }
            return ms;
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String specs(int i) {
        return "{\"w\":" + (i % 97) + ",\"tag\":\"t" + (i % 13) + "\"}";
    }

    private static void mariadb(Connection c, String mode, List<String> ids) throws SQLException {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        String stamp = now.toString().replace('T', ' ') + ".000";
        String columns = "(`id`, `name`, `qty`, `price`, `specs`, `createdAt`, `updatedAt`)";
        try (Statement st = c.createStatement()) {
            st.execute("SET @tw_user = 'bench'");
            if (mode.equals("capture")) {
                st.execute("SET @tw_bulk = 1");
            }
        }
        try (PreparedStatement batch = c.prepareStatement("INSERT INTO items " + columns + " VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement history = c.prepareStatement("INSERT INTO `__history_items` (`rowId`, `operation`, `changedAt`, `changedBy`, `data`)"
                     + " VALUES (?, 'insert', UTC_TIMESTAMP(3), 'bench', ?)")) {
            for (int from = 0; from < ids.size(); from += 1000) {
                int to = Math.min(ids.size(), from + 1000);
                if (mode.equals("trigger")) {
                    StringBuilder sql = new StringBuilder("INSERT INTO items " + columns + " VALUES ");
                    for (int i = from; i < to; i++) {
                        sql.append(i == from ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
                    }
                    try (PreparedStatement multi = c.prepareStatement(sql.toString())) {
                        int k = 1;
                        for (int i = from; i < to; i++) {
                            k = bindRow(multi, k, ids.get(i), i, now);
                        }
                        multi.executeUpdate();
                    }
                    continue;
                }
                for (int i = from; i < to; i++) {
                    bindRow(batch, 1, ids.get(i), i, now);
                    batch.addBatch();
                }
                batch.executeBatch();
                if (mode.equals("capture")) {
                    for (int i = from; i < to; i++) {
                        history.setString(1, ids.get(i));
                        history.setString(2, "{\"id\": \"" + ids.get(i) + "\", \"name\": \"r-" + i + "\", \"qty\": " + (i % 1000) + ", \"price\": " + (i * 0.25)
                                + ", \"specs\": " + specs(i) + ", \"createdAt\": \"" + stamp + "\", \"updatedAt\": \"" + stamp + "\"}");
                        history.addBatch();
                    }
                    history.executeBatch();
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("SET @tw_bulk = NULL, @tw_user = NULL");
        }
    }

    private static int bindRow(PreparedStatement ps, int k, String id, int i, LocalDateTime now) throws SQLException {
        ps.setString(k++, id);
        ps.setString(k++, "r-" + i);
        ps.setLong(k++, i % 1000);
        ps.setDouble(k++, i * 0.25);
        ps.setString(k++, specs(i));
        ps.setObject(k++, now);
        ps.setObject(k++, now);
        return k;
    }

    private static void postgres(Connection c, String mode, List<String> ids) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT set_config('tablewright.user', 'bench', true)");
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            for (int from = 0; from < ids.size(); from += 10_000) {
                int to = Math.min(ids.size(), from + 10_000);
                StringBuilder rows = new StringBuilder(1 << 20);
                StringBuilder history = new StringBuilder(mode.equals("capture") ? 1 << 21 : 16);
                for (int i = from; i < to; i++) {
                    rows.append(ids.get(i)).append("\tr-").append(i).append('\t').append(i % 1000).append('\t').append(i * 0.25).append('\t')
                            .append(specs(i)).append('\t').append(stamp).append('\t').append(stamp).append('\n');
                    if (mode.equals("capture")) {
                        history.append(ids.get(i)).append("\tinsert\t").append(stamp).append("\tbench\t{\"id\":\"").append(ids.get(i)).append("\",\"name\":\"r-")
                                .append(i).append("\",\"qty\":").append(i % 1000).append(",\"price\":").append(i * 0.25).append(",\"specs\":").append(specs(i))
                                .append(",\"createdAt\":\"").append(stamp).append("\",\"updatedAt\":\"").append(stamp).append("\"}\n");
                    }
                }
                copy.copyIn("COPY items (id, name, qty, price, specs, \"createdAt\", \"updatedAt\") FROM STDIN", new StringReader(rows.toString()));
                if (mode.equals("capture")) {
                    copy.copyIn("COPY \"__history_items\" (\"rowId\", operation, \"changedAt\", \"changedBy\", data) FROM STDIN", new StringReader(history.toString()));
                }
            }
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }
}
