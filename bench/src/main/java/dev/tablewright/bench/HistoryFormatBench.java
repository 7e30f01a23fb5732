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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Candidate formats of record history for issue 14, measured in hand-written SQL/JDBC on each
 * dialect before one is built into core (decision 51). The table is core's ({@code defineTable},
 * untracked); each candidate's history table and triggers are made here.
 * <ul>
 *   <li>Inserts of {@code --rows} rows (SQLite and MariaDB: prepared batches of 1,000, the history
 *       of each batch written right after it as addRows does; PostgreSQL: COPY of 10,000 rows, the
 *       history by a statement trigger over the transition table):
 *       {@code plain} no history; {@code current} the format of decisions 10/11/21 (the whole row
 *       as JSON per row, indexes (rowId, historyId) and {@code _at}); {@code perRow} a row per
 *       inserted row with who and when only, index (rowId, historyId); {@code perStmt} one row per
 *       batch with who, when and the batch's ids (a JSON array, PostgreSQL text[]) and its first
 *       and last id, indexed on the first id; {@code perStmtGin} (PostgreSQL) the same with a GIN
 *       index on the ids.</li>
 *   <li>Updates of every row of a table of {@code --rows} rows in one UPDATE (row triggers on SQLite
 *       and MariaDB, a statement trigger on PostgreSQL): {@code plain}; {@code jsonImage} the
 *       row before (or after: the same size) as JSON per row, index (rowId, historyId);
 *       {@code typedImage} the row before in typed columns, same index.</li>
 *   <li>Finding one record's insert among {@code --lookup} inserted ids kept per batch (batches of
 *       1,000 and of 10,000, v7 ids as the workbench makes them), by first/last id and membership
 *       (median of 21 lookups), and the audit log's first and last page of 200 with each id of a
 *       batch its own change (median of 11).</li>
 *   <li>{@code upgrade}: the in-place upgrade of decision 51's plan, in SQL, on a history that
 *       today's core wrote (a baseline, updates, a delete and a re-insert, a gap while tracking
 *       was off, and {@code --rows} more inserted and updated rows): checks that every version's
 *       row is still found, and times the upgrade.</li>
 * </ul>
 * Run with {@code bench/run.sh --history-format [--rows N] [--rounds N] [--lookup N]
 * [--parts insert,update,updateById,lookup,upgrade] [--dialects …]}.
 */
public final class HistoryFormatBench {
    private static final TimeBasedEpochGenerator UUID_V7 = Generators.timeBasedEpochGenerator();
    private static final Map<String, Object> FIELDS = Map.of("name", "string", "qty", "integer", "price", "number", "specs", "jsonb");
    private static final List<String> COLUMNS = List.of("id", "name", "qty", "price", "specs", "createdAt", "updatedAt");

    private HistoryFormatBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int rows = a.contains("--rows") ? Integer.parseInt(a.get(a.indexOf("--rows") + 1)) : 100_000;
        int rounds = a.contains("--rounds") ? Integer.parseInt(a.get(a.indexOf("--rounds") + 1)) : 3;
        int lookup = a.contains("--lookup") ? Integer.parseInt(a.get(a.indexOf("--lookup") + 1)) : 1_000_000;
        List<String> parts = a.contains("--parts") ? List.of(a.get(a.indexOf("--parts") + 1).split(",")) : List.of("insert", "update", "updateById", "lookup");
        List<String> dialects = a.contains("--dialects") ? List.of(a.get(a.indexOf("--dialects") + 1).split(",")) : List.of("sqlite", "postgres", "mariadb");
        for (String dialect : dialects) {
            if (parts.contains("insert")) {
                List<String> modes = new ArrayList<>(List.of("plain", "current", "perRow", "perStmt"));
                if (dialect.equals("postgres")) {
                    modes.add("perStmtGin");
                }
                if (dialect.equals("mariadb")) {
                    modes.add("sysver");
                }
                rounds(dialect, "insert", modes, rows, rounds);
            }
            if (parts.contains("update")) {
                List<String> modes = new ArrayList<>(List.of("plain", "jsonImage", "typedImage"));
                if (!dialect.equals("postgres")) {
                    modes.addAll(List.of("jsonCapture", "typedCapture"));
                }
                if (dialect.equals("mariadb")) {
                    modes.add("sysver");
                }
                rounds(dialect, "update", modes, rows, rounds);
            }
            if (parts.contains("updateById")) {
                rounds(dialect, "updateById", List.of("plain", "jsonImage", "typedImage"), rows, rounds);
            }
            if (parts.contains("lookup")) {
                for (int batch : new int[]{1_000, 10_000}) {
                    lookups(dialect, lookup, batch);
                }
            }
            if (parts.contains("upgrade")) {
                upgrade(dialect, rows);
            }
        }
        System.exit(0);
    }

    private static void rounds(String dialect, String part, List<String> modes, int rows, int rounds) throws SQLException {
        Map<String, long[]> ms = new LinkedHashMap<>();
        modes.forEach(m -> ms.put(m, new long[rounds]));
        load(dialect, part, modes.get(0), 20_000);
        load(dialect, part, modes.get(1), 20_000);
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(modes);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (String mode : order) {
                ms.get(mode)[round] = load(dialect, part, mode, rows);
            }
        }
        long plain = median(ms.get("plain"));
        for (Map.Entry<String, long[]> e : ms.entrySet()) {
            System.out.printf("%-9s %-7s %-11s %s median %d ms, %.2fx plain%n", dialect, part, e.getKey(), Arrays.toString(e.getValue()),
                    median(e.getValue()), (double) median(e.getValue()) / plain);
        }
    }

    private static long median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String q(String dialect, String name) {
        return dialect.equals("mariadb") ? "`" + name + "`" : "\"" + name + "\"";
    }

    /** One timed load (inserts or updates) into a fresh table; checks the counts afterwards. */
    private static long load(String dialect, String part, String mode, int n) throws SQLException {
        TestDatabases.TestDb target = TestDatabases.fresh(dialect);
        try (Connector db = new Connector()) {
            db.create(target.options());
            db.defineTable("items", FIELDS);
        }
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(UUID_V7.generate().toString());
        }
        try (Connection c = target.openJdbc(); Statement st = c.createStatement()) {
            if (part.startsWith("update")) {
                c.setAutoCommit(false);
                insert(dialect, c, "plain", ids);
                c.commit();
                c.setAutoCommit(true);
            }
            for (String ddl : historyDdl(dialect, part, mode)) {
                st.execute(ddl);
            }
            System.gc();
            long start = System.nanoTime();
            c.setAutoCommit(false);
            if (part.equals("insert")) {
                insert(dialect, c, mode, ids);
            } else if (part.equals("updateById")) {
                try (Statement u = c.createStatement(); PreparedStatement ps = c.prepareStatement("UPDATE items SET qty = qty + 1 WHERE id = ?")) {
                    if (!mode.equals("plain")) {
                        setUser(dialect, u);
                    }
                    for (int from = 0; from < n; from += 1000) {
                        for (int i = from; i < Math.min(n, from + 1000); i++) {
                            ps.setString(1, ids.get(i));
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
            } else {
                try (Statement u = c.createStatement()) {
                    if (!mode.equals("plain") && !mode.equals("sysver")) {
                        setUser(dialect, u);
                    }
                    if (mode.endsWith("Capture")) {
                        // The workbench's own update: the rows it will change copied first, in one INSERT … SELECT.
                        String image = mode.equals("typedCapture") ? columnList(dialect, "").replace(q(dialect, "id") + ", ", "") : jsonObject(dialect, "");
                        String cols = "(" + q(dialect, "rowId") + ", " + q(dialect, "operation") + ", " + q(dialect, "changedAt") + ", " + q(dialect, "changedBy")
                                + (mode.equals("typedCapture") ? ", " + columnList(dialect, "").replace(q(dialect, "id") + ", ", "") : ", " + q(dialect, "data")) + ")";
                        u.executeUpdate("INSERT INTO h " + cols + " SELECT id, 'update', " + (dialect.equals("mariadb") ? "UTC_TIMESTAMP(3)" : "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")
                                + ", 'bench', " + image + " FROM items");
                    }
                    u.executeUpdate("UPDATE items SET qty = qty + 1, " + q(dialect, "updatedAt") + " = " + q(dialect, "updatedAt"));
                }
            }
            c.commit();
            long ms = (System.nanoTime() - start) / 1_000_000;
            c.setAutoCommit(true);
            long stored = count(st, "SELECT COUNT(*) FROM items");
            long versions = mode.equals("plain") ? 0 : mode.equals("sysver")
                    ? count(st, "SELECT COUNT(*) FROM items FOR SYSTEM_TIME ALL") - n : count(st, "SELECT COUNT(*) FROM h");
            long want = mode.equals("plain") || mode.equals("sysver") && part.equals("insert") ? 0 : mode.startsWith("perStmt") ? (n + batchSize(dialect) - 1) / batchSize(dialect) : n;
            if (stored != n || versions != want) {
                throw new IllegalStateException(dialect + " " + part + " " + mode + ": " + stored + " rows, " + versions + " history rows, for " + n);
            }
            return ms;
        }
    }

    private static int batchSize(String dialect) {
        return dialect.equals("postgres") ? 10_000 : 1_000;
    }

    private static void setUser(String dialect, Statement st) throws SQLException {
        switch (dialect) {
            case "postgres" -> st.execute("SELECT set_config('tablewright.user', 'bench', true)");
            case "mariadb" -> st.execute("SET @tw_user = 'bench'");
            default -> st.execute("INSERT OR REPLACE INTO tw_actor (id, \"user\") VALUES (1, 'bench')");
        }
    }

    /** The candidate's history table, indexes and (for updates, and PostgreSQL inserts) triggers. */
    private static List<String> historyDdl(String dialect, String part, String mode) {
        if (mode.equals("plain")) {
            return List.of();
        }
        if (mode.equals("sysver")) {
            return List.of("ALTER TABLE items ADD SYSTEM VERSIONING");
        }
        boolean pg = dialect.equals("postgres");
        boolean maria = dialect.equals("mariadb");
        String key = pg ? "\"historyId\" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                : maria ? "`historyId` BIGINT AUTO_INCREMENT PRIMARY KEY" : "\"historyId\" INTEGER PRIMARY KEY";
        String text = pg ? "text" : maria ? "VARCHAR(255)" : "TEXT";
        String when = pg ? "timestamptz" : maria ? "DATETIME(3)" : "TEXT";
        String json = pg ? "json" : maria ? "JSON" : "TEXT";
        String tail = maria ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" : "";
        String common = key + ", " + q(dialect, "rowId") + " " + text + ", " + q(dialect, "operation") + " " + (maria ? "VARCHAR(16)" : text) + " NOT NULL, "
                + q(dialect, "changedAt") + " " + when + " NOT NULL, " + q(dialect, "changedBy") + " " + text;
        String rowIndex = "CREATE INDEX h_row ON h (" + q(dialect, "rowId") + ", " + q(dialect, "historyId") + ")";
        List<String> out = new ArrayList<>();
        if (!pg && !maria) {
            out.add("CREATE TABLE tw_actor (id INTEGER PRIMARY KEY, \"user\" TEXT)");
        }
        switch (mode) {
            case "current", "jsonImage", "jsonCapture" -> {
                out.add("CREATE TABLE h (" + common + ", " + q(dialect, "data") + " " + json + ")" + tail);
                out.add(rowIndex);
                if (mode.equals("current")) {
                    out.add(maria ? "CREATE INDEX h_at ON h (`operation`, `changedAt`)"
                            : "CREATE INDEX h_at ON h (\"changedAt\") WHERE \"operation\" IN ('update', 'delete')");
                }
            }
            case "perRow" -> {
                out.add("CREATE TABLE h (" + common + ")" + tail);
                out.add(rowIndex);
            }
            case "perStmt", "perStmtGin" -> {
                out.add("CREATE TABLE h (" + common + ", " + q(dialect, "rowIds") + " " + (pg ? "text[]" : maria ? "LONGTEXT" : "TEXT") + ", "
                        + q(dialect, "lastRowId") + " " + text + ")" + tail);
                out.add("CREATE INDEX h_row ON h (" + q(dialect, "rowId") + ", " + q(dialect, "lastRowId") + ")");
                if (mode.equals("perStmtGin")) {
                    out.add("CREATE INDEX h_ids ON h USING gin (\"rowIds\")");
                }
            }
            case "typedImage", "typedCapture" -> {
                out.add("CREATE TABLE h (" + common + ", " + q(dialect, "name") + " " + text + ", " + q(dialect, "qty") + " BIGINT, "
                        + q(dialect, "price") + " " + (pg ? "double precision" : maria ? "DOUBLE" : "REAL") + ", " + q(dialect, "specs") + " "
                        + (pg ? "jsonb" : maria ? "LONGTEXT" : "TEXT") + ", " + q(dialect, "createdAt") + " " + when + ", " + q(dialect, "updatedAt") + " " + when + ")" + tail);
                out.add(rowIndex);
            }
            default -> throw new IllegalArgumentException(mode);
        }
        if (part.startsWith("update") && !mode.endsWith("Capture")) {
            out.addAll(updateTrigger(dialect, mode));
        } else if (pg) {
            out.addAll(postgresInsertTrigger(mode));
        }
        return out;
    }

    private static String columnList(String dialect, String prefix) {
        StringBuilder s = new StringBuilder();
        for (String c : COLUMNS) {
            s.append(s.length() == 0 ? "" : ", ").append(prefix).append(q(dialect, c));
        }
        return s.toString();
    }

    private static String jsonObject(String dialect, String prefix) {
        StringBuilder s = new StringBuilder(dialect.equals("mariadb") ? "JSON_OBJECT(" : "json_object(");
        for (String c : COLUMNS) {
            s.append(c.equals("id") ? "" : ", ").append('\'').append(c).append("', ").append(prefix).append(q(dialect, c));
        }
        return s.append(')').toString();
    }

    private static List<String> updateTrigger(String dialect, String mode) {
        String typedColumns = ", " + columnList(dialect, "").replace(q(dialect, "id") + ", ", "");
        String cols = "(" + q(dialect, "rowId") + ", " + q(dialect, "operation") + ", " + q(dialect, "changedAt") + ", " + q(dialect, "changedBy")
                + (mode.equals("typedImage") ? typedColumns : ", " + q(dialect, "data")) + ")";
        switch (dialect) {
            case "postgres" -> {
                String image = mode.equals("typedImage") ? ", " + columnList(dialect, "r.").replace("r.\"id\", ", "") : ", to_json(r)";
                return List.of("CREATE FUNCTION h_upd() RETURNS trigger LANGUAGE plpgsql AS $tw$ BEGIN INSERT INTO h " + cols
                                + " SELECT CAST(r.id AS text), 'update', clock_timestamp(), COALESCE(NULLIF(current_setting('tablewright.user', true), ''), CAST(current_user AS text))"
                                + image + " FROM old_rows r; RETURN NULL; END $tw$",
                        "CREATE TRIGGER h_upd AFTER UPDATE ON items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION h_upd()");
            }
            case "mariadb" -> {
                String image = mode.equals("typedImage") ? ", " + columnList(dialect, "OLD.").replace("OLD.`id`, ", "") : ", " + jsonObject(dialect, "OLD.");
                return List.of("CREATE TRIGGER h_upd AFTER UPDATE ON items FOR EACH ROW INSERT INTO h " + cols
                        + " VALUES (OLD.id, 'update', UTC_TIMESTAMP(3), COALESCE(@tw_user, SUBSTRING_INDEX(USER(), '@', 1))" + image + ")");
            }
            default -> {
                String image = mode.equals("typedImage") ? ", " + columnList(dialect, "OLD.").replace("OLD.\"id\", ", "") : ", " + jsonObject(dialect, "OLD.");
                return List.of("CREATE TRIGGER h_upd AFTER UPDATE ON items BEGIN INSERT INTO h " + cols
                        + " VALUES (OLD.id, 'update', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT \"user\" FROM tw_actor WHERE id = 1)" + image + "); END");
            }
        }
    }

    private static List<String> postgresInsertTrigger(String mode) {
        String actor = "COALESCE(NULLIF(current_setting('tablewright.user', true), ''), CAST(current_user AS text))";
        String body = switch (mode) {
            case "current" -> "INSERT INTO h (\"rowId\", operation, \"changedAt\", \"changedBy\", data) SELECT CAST(r.id AS text), 'insert', clock_timestamp(), "
                    + actor + ", to_json(r) FROM new_rows r";
            case "perRow" -> "INSERT INTO h (\"rowId\", operation, \"changedAt\", \"changedBy\") SELECT CAST(r.id AS text), 'insert', clock_timestamp(), "
                    + actor + " FROM new_rows r";
            default -> "INSERT INTO h (\"rowId\", operation, \"changedAt\", \"changedBy\", \"rowIds\", \"lastRowId\") SELECT min(CAST(r.id AS text)), 'insert', "
                    + "clock_timestamp(), " + actor + ", array_agg(CAST(r.id AS text)), max(CAST(r.id AS text)) FROM new_rows r HAVING count(*) > 0";
        };
        return List.of("CREATE FUNCTION h_ins() RETURNS trigger LANGUAGE plpgsql AS $tw$ BEGIN " + body + "; RETURN NULL; END $tw$",
                "CREATE TRIGGER h_ins AFTER INSERT ON items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION h_ins()");
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

    private static void insert(String dialect, Connection c, String mode, List<String> ids) throws SQLException {
        if (dialect.equals("postgres")) {
            copy(c, ids);
            return;
        }
        boolean maria = dialect.equals("mariadb");
        try (Statement st = c.createStatement()) {
            if (!mode.equals("plain")) {
                setUser(dialect, st);
            }
        }
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        String stamp = now.toString().replace('T', ' ') + ".000";
        String hcols = "(" + q(dialect, "rowId") + ", " + q(dialect, "operation") + ", " + q(dialect, "changedAt") + ", " + q(dialect, "changedBy");
        String nowSql = maria ? "UTC_TIMESTAMP(3)" : "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
        // SQLite: the history of a batch in one INSERT … SELECT of the rows past the mark (as addRows does).
        String sqliteHistory = switch (mode) {
            case "current" -> "INSERT INTO h " + hcols + ", \"data\") SELECT id, 'insert', " + nowSql + ", ?, " + jsonObject(dialect, "") + " FROM items WHERE rowid > ?";
            case "perRow" -> "INSERT INTO h " + hcols + ") SELECT id, 'insert', " + nowSql + ", ? FROM items WHERE rowid > ?";
            default -> "INSERT INTO h " + hcols + ", \"rowIds\", \"lastRowId\") SELECT min(id), 'insert', " + nowSql + ", ?, json_group_array(id), max(id)"
                    + " FROM items WHERE rowid > ?";
        };
        // MariaDB: the history built here from the values bound, as a second bulk batch (decision 11).
        String mariaHistory = switch (mode) {
            case "current" -> "INSERT INTO h " + hcols + ", `data`) VALUES (?, 'insert', UTC_TIMESTAMP(3), 'bench', ?)";
            case "perRow" -> "INSERT INTO h " + hcols + ") VALUES (?, 'insert', UTC_TIMESTAMP(3), 'bench')";
            default -> "INSERT INTO h " + hcols + ", `rowIds`, `lastRowId`) VALUES (?, 'insert', UTC_TIMESTAMP(3), 'bench', ?, ?)";
        };
        try (PreparedStatement batch = c.prepareStatement("INSERT INTO items (" + columnList(dialect, "") + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement history = mode.equals("plain") || mode.equals("sysver") ? null : c.prepareStatement(maria ? mariaHistory : sqliteHistory);
             Statement st = c.createStatement()) {
            for (int from = 0; from < ids.size(); from += 1000) {
                int to = Math.min(ids.size(), from + 1000);
                long mark = 0;
                if (!maria && history != null) {
                    mark = count(st, "SELECT COALESCE(MAX(rowid), 0) FROM items");
                }
                for (int i = from; i < to; i++) {
                    int k = 1;
                    batch.setString(k++, ids.get(i));
                    batch.setString(k++, "r-" + i);
                    batch.setLong(k++, i % 1000);
                    batch.setDouble(k++, i * 0.25);
                    batch.setString(k++, specs(i));
                    batch.setObject(k++, maria ? now : stamp);
                    batch.setObject(k, maria ? now : stamp);
                    batch.addBatch();
                }
                batch.executeBatch();
                if (history == null) {
                    continue;
                }
                if (!maria) {
                    history.setString(1, "bench");
                    history.setLong(2, mark);
                    history.executeUpdate();
                } else if (mode.equals("perStmt")) {
                    StringBuilder list = new StringBuilder("[");
                    for (int i = from; i < to; i++) {
                        list.append(i == from ? "\"" : ",\"").append(ids.get(i)).append('"');
                    }
                    history.setString(1, ids.get(from));
                    history.setString(2, list.append(']').toString());
                    history.setString(3, ids.get(to - 1));
                    history.executeUpdate();
                } else {
                    for (int i = from; i < to; i++) {
                        history.setString(1, ids.get(i));
                        if (mode.equals("current")) {
                            history.setString(2, "{\"id\": \"" + ids.get(i) + "\", \"name\": \"r-" + i + "\", \"qty\": " + (i % 1000) + ", \"price\": " + (i * 0.25)
                                    + ", \"specs\": " + specs(i) + ", \"createdAt\": \"" + stamp + "\", \"updatedAt\": \"" + stamp + "\"}");
                        }
                        history.addBatch();
                    }
                    history.executeBatch();
                }
            }
        }
    }

    private static void copy(Connection c, List<String> ids) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT set_config('tablewright.user', 'bench', true)");
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            for (int from = 0; from < ids.size(); from += 10_000) {
                int to = Math.min(ids.size(), from + 10_000);
                StringBuilder rows = new StringBuilder(1 << 20);
                for (int i = from; i < to; i++) {
                    rows.append(ids.get(i)).append("\tr-").append(i).append('\t').append(i % 1000).append('\t').append(i * 0.25).append('\t')
                            .append(specs(i)).append('\t').append(stamp).append('\t').append(stamp).append('\n');
                }
                copy.copyIn("COPY items (id, name, qty, price, specs, \"createdAt\", \"updatedAt\") FROM STDIN", new StringReader(rows.toString()));
            }
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    /**
     * Finding one record's insert when inserts are kept per batch: {@code n} v7 ids in batches of
     * {@code batch}, then 21 lookups of random ids by the batch's first/last id and membership.
     */
    private static void lookups(String dialect, int n, int batch) throws SQLException {
        TestDatabases.TestDb target = TestDatabases.fresh(dialect);
        try (Connector db = new Connector()) {
            db.create(target.options());
        }
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(UUID_V7.generate().toString());
        }
        boolean pg = dialect.equals("postgres");
        boolean maria = dialect.equals("mariadb");
        try (Connection c = target.openJdbc(); Statement st = c.createStatement()) {
            for (String ddl : historyDdl(dialect, "lookup", pg ? "perStmtGin" : "perStmt")) {
                if (!ddl.contains("TRIGGER") && !ddl.contains("FUNCTION")) {
                    st.execute(ddl);
                }
            }
            c.setAutoCommit(false);
            String sql = "INSERT INTO h (" + q(dialect, "rowId") + ", " + q(dialect, "operation") + ", " + q(dialect, "changedAt") + ", "
                    + q(dialect, "changedBy") + ", " + q(dialect, "rowIds") + ", " + q(dialect, "lastRowId") + ") VALUES (?, 'insert', "
                    + (pg ? "clock_timestamp()" : maria ? "UTC_TIMESTAMP(3)" : "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')") + ", 'bench', ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int from = 0; from < n; from += batch) {
                    List<String> part = ids.subList(from, Math.min(n, from + batch));
                    ps.setString(1, part.get(0));
                    if (pg) {
                        ps.setArray(2, c.createArrayOf("text", part.toArray()));
                    } else {
                        ps.setString(2, "[\"" + String.join("\",\"", part) + "\"]");
                    }
                    ps.setString(3, part.get(part.size() - 1));
                    ps.executeUpdate();
                }
            }
            c.commit();
            c.setAutoCommit(true);
            if (pg) {
                st.execute("ANALYZE h");
            } else if (maria) {
                st.execute("ANALYZE TABLE h");
            } else {
                st.execute("ANALYZE");
            }
            String range = q(dialect, "rowId") + " <= ? AND " + q(dialect, "lastRowId") + " >= ?";
            String member = pg ? "\"rowIds\" @> ARRAY[CAST(? AS text)]"
                    : maria ? "JSON_CONTAINS(`rowIds`, JSON_QUOTE(?))" : "EXISTS (SELECT 1 FROM json_each(h.\"rowIds\") WHERE value = ?)";
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("range+member", "SELECT " + q(dialect, "historyId") + " FROM h WHERE " + range + " AND " + member);
            queries.put("member only", "SELECT " + q(dialect, "historyId") + " FROM h WHERE " + member);
            Random random = new Random(14);
            for (Map.Entry<String, String> e : queries.entrySet()) {
                long[] us = new long[21];
                try (PreparedStatement ps = c.prepareStatement(e.getValue())) {
                    for (int k = 0; k < us.length; k++) {
                        String id = ids.get(random.nextInt(n));
                        int p = 1;
                        if (e.getKey().startsWith("range")) {
                            ps.setString(p++, id);
                            ps.setString(p++, id);
                        }
                        ps.setString(p, id);
                        long start = System.nanoTime();
                        int found = 0;
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                found++;
                            }
                        }
                        us[k] = (System.nanoTime() - start) / 1_000;
                        if (found != 1) {
                            throw new IllegalStateException(dialect + " " + e.getKey() + ": " + found + " batches hold " + id);
                        }
                    }
                }
                System.out.printf("%-9s lookup  %,d ids in batches of %,d, %-12s median %.2f ms (max %.2f)%n", dialect, n, batch, e.getKey(),
                        median(us) / 1000.0, Arrays.stream(us).max().orElse(0) / 1000.0);
            }
            // The audit log's first and last page of 200 with every insert of a batch its own change.
            for (String order : List.of("DESC", "ASC")) {
                String page = pg ? "SELECT h.\"historyId\", u.id FROM h CROSS JOIN LATERAL unnest(h.\"rowIds\") WITH ORDINALITY u(id, ord) ORDER BY h.\"historyId\" "
                        + order + ", u.ord " + order + " LIMIT 200"
                        : maria ? "SELECT h.`historyId`, j.id FROM h, JSON_TABLE(h.`rowIds`, '$[*]' COLUMNS (ord FOR ORDINALITY, id VARCHAR(64) PATH '$')) j"
                        + " ORDER BY h.`historyId` " + order + ", j.ord " + order + " LIMIT 200"
                        : "SELECT h.\"historyId\", j.value FROM h, json_each(h.\"rowIds\") j ORDER BY h.\"historyId\" " + order + ", j.key " + order + " LIMIT 200";
                long[] us = new long[11];
                for (int k = 0; k < us.length; k++) {
                    long start = System.nanoTime();
                    int found = 0;
                    try (ResultSet rs = st.executeQuery(page)) {
                        while (rs.next()) {
                            found++;
                        }
                    }
                    us[k] = (System.nanoTime() - start) / 1_000;
                    if (found != 200) {
                        throw new IllegalStateException(dialect + " audit page: " + found);
                    }
                }
                System.out.printf("%-9s audit   %,d ids in batches of %,d, page of 200 %s median %.2f ms (max %.2f)%n", dialect, n, batch,
                        order.equals("DESC") ? "newest" : "oldest", median(us) / 1000.0, Arrays.stream(us).max().orElse(0) / 1000.0);
            }
        }
    }

    /**
     * The upgrade of decision 51 in SQL: a history written by today's core (whole rows after each
     * insert and update, before each delete; baselines) becomes one of replaced versions (the row
     * before each update and delete, nothing for an insert), with an {@code image} row where a
     * version's row would otherwise be lost. Checks that every old version's row is still found:
     * the next record of the same row (by historyId, not the tracking marker) holds it, or for a
     * delete the record itself.
     */
    private static void upgrade(String dialect, int n) throws SQLException {
        TestDatabases.TestDb target = TestDatabases.fresh(dialect);
        Map<String, Object> fields = Map.of("name", "string", "qty", "integer");
        try (Connector db = new Connector()) {
            db.create(target.options());
            db.defineTable("items", fields);
            db.addRow("items", Map.of("id", "a", "name", "a0", "qty", 0));
            db.addRow("items", Map.of("id", "c", "name", "c0", "qty", 0));
            db.defineTable("items", fields, Map.of("trackHistory", true));
            db.addRow("items", Map.of("id", "b", "name", "b0", "qty", 0));
            db.changeRow("items", "a", Map.of("qty", 1), true);
            db.changeRow("items", "a", Map.of("qty", 2), true);
            db.changeRow("items", "b", Map.of("name", "b1"), true);
            db.deleteRow("items", "b");
            db.addRow("items", Map.of("id", "b", "name", "b2", "qty", 5));
            // A gap: changes while tracking is off, then tracking again (a new baseline).
            db.defineTable("items", fields, Map.of("trackHistory", false));
            db.changeRow("items", "a", Map.of("qty", 3), true);
            db.defineTable("items", fields, Map.of("trackHistory", true));
            db.changeRow("items", "a", Map.of("qty", 4), true);
            List<Map<String, Object>> more = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                more.add(Map.of("id", UUID_V7.generate().toString(), "name", "r-" + i, "qty", i));
            }
            db.addRows("items", more);
            for (int i = 0; i < n; i += 10) {
                db.changeRow("items", more.get(i).get("id"), Map.of("qty", -i), true);
            }
        }
        boolean maria = dialect.equals("mariadb");
        String h = q(dialect, "__history_items");
        String id = q(dialect, "historyId");
        String row = q(dialect, "rowId");
        String op = q(dialect, "operation");
        String data = q(dialect, "data");
        // Each change's or baseline's neighbours among the same row's records, by historyId.
        String p = "SELECT " + id + " AS hid, " + op + " AS op, LAG(" + data + ") OVER (PARTITION BY " + row + " ORDER BY " + id + ") AS prev, LEAD(" + id
                + ") OVER (PARTITION BY " + row + " ORDER BY " + id + ") AS nxt FROM " + h + " WHERE " + op + " IN ('insert', 'update', 'delete', 'baseline')";
        List<String> steps = new ArrayList<>();
        // 1. The row a last insert or update made, where no later record will hold it.
        steps.add("INSERT INTO " + h + " (" + row + ", " + op + ", " + q(dialect, "changedAt") + ", " + q(dialect, "changedBy") + ", " + data + ") SELECT x." + row
                + ", 'image', x." + q(dialect, "changedAt") + ", x." + q(dialect, "changedBy") + ", x." + data + " FROM " + h + " x JOIN (" + p + ") p ON p.hid = x." + id
                + " WHERE p.nxt IS NULL AND p.op IN ('insert', 'update') ORDER BY x." + id);
        // 2. An update holds the row before it; a baseline becomes the image of the version before the gap.
        String set = " = p.prev, " + op + " = CASE WHEN p.op = 'baseline' THEN 'image' ELSE p.op END";
        steps.add(maria ? "UPDATE " + h + " x JOIN (" + p + ") p ON p.hid = x." + id + " SET x." + data + set.replace(op + " =", "x." + op + " =")
                + " WHERE p.op IN ('update', 'baseline')"
                : "UPDATE " + h + " SET " + data + set + " FROM (" + p + ") p WHERE p.hid = " + h + "." + id + " AND p.op IN ('update', 'baseline')");
        // 3. A baseline with nothing before it said only what the first update now holds.
        steps.add("DELETE FROM " + h + " WHERE " + op + " = 'image' AND " + data + " IS NULL");
        steps.add("UPDATE " + h + " SET " + data + " = NULL WHERE " + op + " = 'insert'");
        steps.add("ALTER TABLE " + h + " RENAME COLUMN " + data + " TO " + q(dialect, "before"));
        try (Connection c = target.openJdbc(); Statement st = c.createStatement()) {
            Map<Long, String[]> old = records(st, "SELECT " + id + ", " + row + ", " + op + ", " + data + " FROM " + h);
            c.setAutoCommit(false);
            long start = System.nanoTime();
            for (String step : steps) {
                st.execute(step);
            }
            c.commit();
            long ms = (System.nanoTime() - start) / 1_000_000;
            c.setAutoCommit(true);
            Map<Long, String[]> now = records(st, "SELECT " + id + ", " + row + ", " + op + ", " + q(dialect, "before") + " FROM " + h);
            Map<Long, String> next = nextOfSameRow(now);
            int checked = 0;
            for (Map.Entry<Long, String[]> e : old.entrySet()) {
                String kind = e.getValue()[1];
                if (!List.of("insert", "update", "delete").contains(kind)) {
                    continue;
                }
                String found = kind.equals("delete") ? now.get(e.getKey())[2] : next.get(e.getKey());
                if (!e.getValue()[2].equals(found)) {
                    throw new IllegalStateException(dialect + " upgrade lost version " + e.getKey() + " (" + kind + "): " + e.getValue()[2] + " became " + found);
                }
                checked++;
            }
            System.out.printf("%-9s upgrade %,d history rows → %,d in %d ms; %,d versions' rows all found%n", dialect, old.size(), now.size(), ms, checked);
        }
    }

    /** historyId → {rowId, operation, data}, in historyId order. */
    private static Map<Long, String[]> records(Statement st, String sql) throws SQLException {
        Map<Long, String[]> out = new TreeMap<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getLong(1), new String[]{rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        return out;
    }

    /**
     * For each record, the stored row of the next record of the same row (by historyId; the
     * tracking marker belongs to no row), null for a row's last record.
     */
    private static Map<Long, String> nextOfSameRow(Map<Long, String[]> records) {
        Map<Long, String> out = new HashMap<>();
        Map<String, Long> lastOfRow = new HashMap<>();
        for (Map.Entry<Long, String[]> e : records.entrySet()) {
            if (e.getValue()[1].equals("tracking")) {
                continue;
            }
            Long previous = lastOfRow.put(e.getValue()[0], e.getKey());
            if (previous != null) {
                out.put(previous, e.getValue()[2]);
            }
        }
        return out;
    }
}
