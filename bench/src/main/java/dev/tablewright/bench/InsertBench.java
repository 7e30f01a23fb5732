package dev.tablewright.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import com.sun.management.OperatingSystemMXBean;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import dev.tablewright.core.schema.TableSchema;
import dev.tablewright.core.testing.TestDatabases.TestDb;
import dev.tablewright.core.testing.TestDatabases;
import org.postgresql.copy.CopyManager;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bulk insert and paging: {@link Connector#addRows} and {@link Connector#getTableData} against the
 * best hand-written JDBC for each dialect, on the same rows, into the same table.
 *
 * <p>Per dialect (sqlite, postgres, mariadb, and mysql = MySQL Connector/J against the same MariaDB
 * server): a warm-up of every path on a small table, then {@code --repeat} rounds of
 * <ul>
 *   <li>{@code raw}: PostgreSQL COPY FROM STDIN (text format) through pgjdbc's CopyManager; MariaDB
 *       driver prepared-statement batches of 1000 (its bulk protocol); Connector/J batches of 1000 with
 *       {@code rewriteBatchedStatements=true}; SQLite batches of 1000 in WAL mode, synchronous NORMAL.
 *       One transaction. Keys are UUIDv7 made by the same generator as core, while inserting.</li>
 *   <li>{@code chunked}: {@code addRows} called with {@code --chunk} rows at a time (default 10,000).</li>
 *   <li>{@code all}: one {@code addRows} call with every row (one transaction, like raw).</li>
 * </ul>
 * each into a fresh database whose table was made by {@code defineTable} (so the column types are
 * exactly core's). Then 200-row pages at the start, middle and end of the last table, through
 * getTableData (ORDER BY id LIMIT/OFFSET) and through raw keyset and raw OFFSET queries.
 *
 * <p>Run with {@code bench/run.sh --rows 1000000}; see docs/benchmarks.md.
 */
public final class InsertBench {

    static final String TABLE = "items";
    /** Section-3 types: the table core defines, plus its automatic id, createdAt, updatedAt. */
    static final Map<String, Object> FIELDS = fields();
    /** Column order of the table defineTable creates. */
    static final List<String> COLUMNS = List.of("id", "name", "age", "price", "active", "created", "specs", "note", "createdAt", "updatedAt");
    static final List<String> ALL_DIALECTS = List.of("sqlite", "postgres", "mariadb", "mysql");
    static final int PAGE = 200;
    static final int BATCH = 1000;

    /** The raw path's own key generator: the same scheme (UUIDv7, time-ordered) as core's. */
    static final TimeBasedEpochGenerator UUID_V7 = Generators.timeBasedEpochGenerator();
    /** The raw path's own JSON writer. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private static Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", "string");
        f.put("age", "integer");
        f.put("price", "number");
        f.put("active", "boolean");
        f.put("created", "date");
        f.put("specs", "jsonb");
        f.put("note", "text");
        return f;
    }

    // ------------------------------------------------------------------------------------------
    // Options

    static final class Options {
        int rows = 1_000_000;
        List<String> dialects = ALL_DIALECTS;
        int repeat = 3;
        int chunk = 10_000;
        int warmup = 50_000;
        List<String> modes = List.of("raw", "chunked", "all");
        int pageRuns = 9;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--rows" -> { o.rows = Integer.parseInt(need(a, v).replace("_", "")); i++; }
                    case "--dialects" -> { o.dialects = list(need(a, v)); i++; }
                    case "--repeat" -> { o.repeat = Integer.parseInt(need(a, v)); i++; }
                    case "--chunk" -> { o.chunk = Integer.parseInt(need(a, v).replace("_", "")); i++; }
                    case "--warmup" -> { o.warmup = Integer.parseInt(need(a, v).replace("_", "")); i++; }
                    case "--modes" -> { o.modes = list(need(a, v)); i++; }
                    case "--page-runs" -> { o.pageRuns = Integer.parseInt(need(a, v)); i++; }
                    case "-h", "--help" -> {
                        System.out.println("""
                                InsertBench [--rows N] [--dialects sqlite,postgres,mariadb,mysql] [--repeat R]
                                            [--chunk N] [--warmup N] [--modes raw,chunked,all] [--page-runs N]
                                  --rows       rows per measured load (default 1000000)
                                  --dialects   mysql = MySQL Connector/J against the embedded MariaDB server
                                  --repeat     loads per path and dialect; the median is reported (default 3)
                                  --chunk      rows per addRows call in the 'chunked' path (default 10000)
                                  --warmup     rows of the warm-up load of each path (default 50000; 0: none)
                                  --modes      raw, chunked (addRows per chunk), all (one addRows call)
                                  --page-runs  timed runs of each page read; the median is reported (default 9)""");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("Unknown argument '" + a + "' (--help lists them)");
                }
            }
            for (String d : o.dialects) {
                if (!ALL_DIALECTS.contains(d)) {
                    throw new IllegalArgumentException("Unknown dialect '" + d + "'; known: " + ALL_DIALECTS);
                }
            }
            for (String m : o.modes) {
                if (!List.of("raw", "chunked", "all").contains(m)) {
                    throw new IllegalArgumentException("Unknown mode '" + m + "'; known: raw, chunked, all");
                }
            }
            if (o.rows < 1 || o.repeat < 1 || o.chunk < 1 || o.pageRuns < 1) {
                throw new IllegalArgumentException("--rows, --repeat, --chunk and --page-runs must be at least 1");
            }
            return o;
        }

        private static String need(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }

        private static List<String> list(String v) {
            return Arrays.stream(v.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Main

    /** What one dialect produced, for the summary. */
    record Result(String dialect, String server, String driver, Map<String, List<Double>> rowsPerSecond,
                  Map<String, List<Double>> cpuMicrosPerRow, List<PageRow> pages,
                  double countCoreMs, double countRawMs) {
    }

    record PageRow(String where, int offset, double coreMs, double keysetMs, double offsetMs) {
    }

    public static void main(String[] args) {
        try {
            run(Options.parse(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        // TestDatabases' shutdown hook stops the embedded servers.
        System.exit(0);
    }

    static void run(Options o) throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "InsertBench: %,d rows, dialects %s, modes %s, repeat %d, chunk %,d, warm-up %,d rows%n",
                o.rows, o.dialects, o.modes, o.repeat, o.chunk, o.warmup);
        System.out.printf(Locale.ROOT, "JVM %s %s, %d processors, max heap %,d MB, %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), rt.availableProcessors(), rt.maxMemory() >> 20, System.getProperty("os.name")
                        + " " + System.getProperty("os.arch"));

        long t0 = System.nanoTime();
        List<Map<String, Object>> rows = generate(o.rows, 42);
        System.gc();
        System.out.printf(Locale.ROOT, "Generated %,d rows in %.1f s (heap in use %,d MB)%n", rows.size(), (System.nanoTime() - t0) / 1e9,
                (rt.totalMemory() - rt.freeMemory()) >> 20);

        List<Result> results = new ArrayList<>();
        for (String dialect : o.dialects) {
            results.add(runDialect(dialect, o, rows));
        }
        printSummary(o, results);
    }

    private static Result runDialect(String dialect, Options o, List<Map<String, Object>> rows) throws Exception {
        System.out.printf(Locale.ROOT, "%n=== %s ===%n", label(dialect));
        long start = System.nanoTime();
        TestDb probe = fresh(dialect);
        String server;
        String driver;
        try (Connection c = rawConnection(dialect, probe)) {
            server = serverVersion(dialect, c);
            driver = c.getMetaData().getDriverName() + " " + c.getMetaData().getDriverVersion();
        }
        try (Connector conn = connect(dialect, probe)) {
            TableSchema s = conn.defineTable(TABLE, FIELDS);
            System.out.println("server: " + server + "; driver: " + driver);
            System.out.println("table:  " + String.join("; ", s.changes()));
        }
        drop(dialect, probe);
        System.out.printf(Locale.ROOT, "(server ready in %.1f s)%n", (System.nanoTime() - start) / 1e9);

        if (o.warmup > 0) {
            List<Map<String, Object>> small = rows.subList(0, Math.min(o.warmup, rows.size()));
            for (String mode : o.modes) {
                TestDb db = fresh(dialect);
                double rps = load(dialect, mode, db, small, o.chunk).rowsPerSecond();
                drop(dialect, db);
                System.out.printf(Locale.ROOT, "warm-up %-8s %,10.0f rows/s%n", mode, rps);
            }
        }

        Map<String, List<Double>> rps = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        o.modes.forEach(m -> rps.put(m, new ArrayList<>()));
        o.modes.forEach(m -> cpu.put(m, new ArrayList<>()));
        TestDb keep = null;
        for (int r = 0; r < o.repeat; r++) {
            for (String mode : o.modes) {
                TestDb db = fresh(dialect);
                Load l = load(dialect, mode, db, rows, o.chunk);
                double v = l.rowsPerSecond();
                PageReads.verify(dialect, mode, db, rows);
                rps.get(mode).add(v);
                cpu.get(mode).add(l.cpuMicrosPerRow());
                System.out.printf(Locale.ROOT, "round %d %-8s %,10.0f rows/s  (%.2f s; client CPU %.2f µs/row)%n", r + 1, mode, v, rows.size() / v,
                        l.cpuMicrosPerRow());
                boolean last = r == o.repeat - 1 && mode.equals(o.modes.get(o.modes.size() - 1));
                if (last) {
                    keep = db;
                } else {
                    drop(dialect, db);
                }
            }
        }
        double raw = rps.containsKey("raw") ? median(rps.get("raw")) : Double.NaN;
        for (String mode : o.modes) {
            double m = median(rps.get(mode));
            System.out.printf(Locale.ROOT, "median  %-8s %,10.0f rows/s  ratio to raw %.2f; client CPU %.2f µs/row%n", mode, m, m / raw,
                    median(cpu.get(mode)));
        }

        List<PageRow> pages = new ArrayList<>();
        double[] counts = new double[2];
        PageReads.readPages(dialect, keep, rows.size(), o.pageRuns, pages, counts);
        drop(dialect, keep);
        return new Result(dialect, server, driver, rps, cpu, pages, counts[0], counts[1]);
    }

    static String label(String dialect) {
        return switch (dialect) {
            case "sqlite" -> "SQLite";
            case "postgres" -> "PostgreSQL";
            case "mariadb" -> "MariaDB (MariaDB driver)";
            case "mysql" -> "MySQL Connector/J (against the MariaDB server)";
            default -> dialect;
        };
    }

    // ------------------------------------------------------------------------------------------
    // Data

    private static final String[] COLORS = {"red", "green", "blue", "black", "white", "silver", "orange", "teal"};
    private static final String[] WORDS = {"sturdy", "oak", "shelf", "with", "four", "levels", "and", "a", "brushed", "steel",
            "frame", "ships", "flat", "packed", "easy", "to", "assemble", "in", "under", "an", "hour"};

    /** Deterministic rows with the section-3 types; every 10th has text that needs escaping somewhere. */
    static List<Map<String, Object>> generate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long base = Instant.parse("2015-01-01T00:00:00Z").toEpochMilli();
        long span = 10L * 365 * 24 * 3600 * 1000;
        List<Map<String, Object>> rows = new ArrayList<>(n);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Map<String, Object> specs = new LinkedHashMap<>();
            specs.put("color", COLORS[r.nextInt(COLORS.length)]);
            specs.put("weight", Math.round(r.nextDouble(0.1, 80) * 100) / 100.0);
            specs.put("stock", (long) r.nextInt(0, 5000));
            specs.put("fragile", r.nextInt(4) == 0);
            if (i % 10 == 3) {
                specs.put("label", "19\" rack \\ back-slash, caf\u00e9");
            }
            sb.setLength(0);
            int words = 6 + r.nextInt(10);
            for (int w = 0; w < words; w++) {
                sb.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
            }
            if (i % 10 == 7) {
                sb.append("\ttabbed\nsecond line\r\n\\N back\\slash na\u00efve \u2713 \uD83D\uDE80");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", "Item " + i);
            row.put("age", (long) r.nextInt(18, 90));
            row.put("price", Math.round(r.nextDouble(0, 2000) * 100) / 100.0);
            row.put("active", r.nextBoolean());
            row.put("created", Instant.ofEpochMilli(base + r.nextLong(span)));
            row.put("specs", specs);
            row.put("note", sb.toString());
            rows.add(row);
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------
    // Databases

    static TestDb fresh(String dialect) {
        return TestDatabases.fresh(dialect.equals("mysql") ? "mariadb" : dialect);
    }

    static Connector connect(String dialect, TestDb db) {
        Map<String, Object> options = new LinkedHashMap<>(db.options());
        if (dialect.equals("mysql")) {
            options.put("dialect", "mysql");
        }
        return Connector.connect(ConnectOptions.fromMap(options));
    }

    /** A hand-configured JDBC connection: each driver with the settings that make it fastest. */
    static Connection rawConnection(String dialect, TestDb db) throws SQLException {
        Connection c;
        switch (dialect) {
            case "sqlite" -> {
                c = DriverManager.getConnection("jdbc:sqlite:" + db.database());
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA journal_mode = WAL");
                    st.execute("PRAGMA synchronous = NORMAL");
                }
            }
            case "postgres" -> c = DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database(),
                    db.username(), pw(db));
            case "mariadb" -> c = DriverManager.getConnection("jdbc:mariadb://" + db.host() + ":" + db.port() + "/" + db.database()
                    + "?sslMode=disable", db.username(), pw(db));
            case "mysql" -> c = DriverManager.getConnection("jdbc:mysql://" + db.host() + ":" + db.port() + "/" + db.database()
                    + "?rewriteBatchedStatements=true&sslMode=DISABLED&allowPublicKeyRetrieval=true&characterEncoding=UTF-8",
                    db.username(), pw(db));
            default -> throw new IllegalArgumentException(dialect);
        }
        if (dialect.equals("mariadb") || dialect.equals("mysql")) {
            try (Statement st = c.createStatement()) {
                st.execute("SET time_zone = '+00:00', NAMES utf8mb4 COLLATE utf8mb4_bin");
            }
        }
        return c;
    }

    private static String pw(TestDb db) {
        return db.password() == null ? "" : db.password();
    }

    static String serverVersion(String dialect, Connection c) throws SQLException {
        String sql = switch (dialect) {
            case "sqlite" -> "SELECT 'SQLite ' || sqlite_version()";
            case "postgres" -> "SHOW server_version";
            default -> "SELECT VERSION()";
        };
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            String v = rs.getString(1);
            return dialect.equals("postgres") ? "PostgreSQL " + v : dialect.equals("sqlite") ? v : "MariaDB " + v;
        }
    }

    /** Drops a measured database so the disk does not fill up with copies of the table. */
    static void drop(String dialect, TestDb db) {
        try {
            switch (dialect) {
                case "sqlite" -> {
                    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                        Files.deleteIfExists(Path.of(db.database() + suffix));
                    }
                }
                case "postgres" -> {
                    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/postgres",
                            db.username(), pw(db)); Statement st = c.createStatement()) {
                        st.execute("DROP DATABASE IF EXISTS \"" + db.database() + "\" WITH (FORCE)");
                    }
                }
                default -> {
                    try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + db.host() + ":" + db.port() + "/",
                            db.username(), pw(db)); Statement st = c.createStatement()) {
                        st.execute("DROP DATABASE IF EXISTS `" + db.database() + "`");
                    }
                }
            }
        } catch (Exception e) {
            System.out.println("(could not drop " + db + ": " + e.getMessage() + ")");
        }
    }

    static String q(String dialect, String name) {
        char c = dialect.equals("mariadb") || dialect.equals("mysql") ? '`' : '"';
        return c + name + c;
    }

    // ------------------------------------------------------------------------------------------
    // Loads

    /** Elapsed and client CPU nanoseconds of one load. */
    record Spent(long nanos, long cpuNanos) {
    }

    /** Rows per second, and the client process's CPU microseconds per row (all its threads: GC and JIT included). */
    record Load(double rowsPerSecond, double cpuMicrosPerRow) {
    }

    /**
     * CPU time of this JVM. Unlike rows per second it hardly moves with the load of a shared machine,
     * so it compares two builds measured at different times. The database servers are other
     * processes and not counted; SQLite runs in this one and is.
     */
    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Creates the table with defineTable, then loads the rows by the given path. */
    static Load load(String dialect, String mode, TestDb db, List<Map<String, Object>> rows, int chunk) throws Exception {
        quiesce();
        Spent spent;
        try (Connector conn = connect(dialect, db)) {
            conn.defineTable(TABLE, FIELDS);
            if (mode.equals("raw")) {
                conn.close();
                spent = RawInserts.rawInsert(dialect, db, rows);
            } else {
                conn.getTableSchema(TABLE); // schema read and cached before the clock starts
                int step = mode.equals("all") ? rows.size() : chunk;
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                for (int i = 0; i < rows.size(); i += step) {
                    int added = conn.addRows(TABLE, rows.subList(i, Math.min(rows.size(), i + step)));
                    if (added != Math.min(rows.size(), i + step) - i) {
                        throw new IllegalStateException("addRows reported " + added + " rows");
                    }
                }
                spent = new Spent(System.nanoTime() - t0, processCpuNanos() - cpu0);
            }
        }
        return new Load(rows.size() / (spent.nanos() / 1e9), spent.cpuNanos() / 1e3 / rows.size());
    }

    private static void quiesce() throws InterruptedException {
        System.gc();
        Thread.sleep(300);
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    // ------------------------------------------------------------------------------------------
    // Summary

    static void printSummary(Options o, List<Result> results) {
        System.out.printf(Locale.ROOT, "%n=== Summary: %,d rows, median of %d loads (rows/s; ratio = addRows / raw) ===%n", o.rows, o.repeat);
        StringBuilder head = new StringBuilder("| dialect | raw |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (String m : o.modes) {
            if (!m.equals("raw")) {
                head.append(" addRows ").append(m.equals("all") ? "(one call)" : "(" + String.format(Locale.ROOT, "%,d", o.chunk) + "/call)")
                        .append(" | ratio |");
                rule.append("---:|---:|");
            }
        }
        System.out.println(head);
        System.out.println(rule);
        for (Result r : results) {
            double raw = r.rowsPerSecond().containsKey("raw") ? median(r.rowsPerSecond().get("raw")) : Double.NaN;
            StringBuilder line = new StringBuilder("| " + r.dialect() + " | " + fmt(raw) + " |");
            for (String m : o.modes) {
                if (!m.equals("raw")) {
                    double v = median(r.rowsPerSecond().get(m));
                    line.append(' ').append(fmt(v)).append(" | ").append(String.format(Locale.ROOT, "%.2f", v / raw)).append(" |");
                }
            }
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "%nClient CPU per row (µs, median; the JVM's threads, servers not counted):%n");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "  %-8s %s%n", r.dialect(), String.join(", ", r.cpuMicrosPerRow().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.2f %s", e.getKey(), median(e.getValue()), e.getValue().stream()
                            .map(v -> String.format(Locale.ROOT, "%.2f", v)).toList())).toList()));
        }
        System.out.printf(Locale.ROOT, "%nAll loads (rows/s):%n");
        for (Result r : results) {
            r.rowsPerSecond().forEach((m, v) -> System.out.printf(Locale.ROOT, "  %-8s %-8s %s%n", r.dialect(), m,
                    v.stream().map(InsertBench::fmt).toList()));
        }
        System.out.printf(Locale.ROOT, "%n| dialect | page | getTableData (OFFSET) ms | raw keyset ms | raw OFFSET ms |%n|---|---|---:|---:|---:|%n");
        for (Result r : results) {
            for (PageRow p : r.pages()) {
                System.out.printf(Locale.ROOT, "| %s | %s (%,d) | %.2f | %.2f | %.2f |%n", r.dialect(), p.where(), p.offset(), p.coreMs(),
                        p.keysetMs(), p.offsetMs());
            }
            System.out.printf(Locale.ROOT, "| %s | COUNT(*) | %.2f (countRows) | %.2f | |%n", r.dialect(), r.countCoreMs(), r.countRawMs());
        }
        System.out.printf(Locale.ROOT, "%nServers and drivers:%n");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "  %-8s %s; %s%n", r.dialect(), r.server(), r.driver());
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private InsertBench() {
    }
}
