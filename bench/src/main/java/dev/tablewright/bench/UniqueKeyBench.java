package dev.tablewright.bench;

import dev.tablewright.core.Connector;
import dev.tablewright.core.dialect.MysqlDialect;
import dev.tablewright.core.testing.TestDatabases;
import dev.tablewright.core.testing.TestDatabases.TestDb;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the exact unique key of a text field costs on MariaDB (decision 0050): the same rows into a
 * table whose unique field has the column's own UNIQUE (PAD SPACE, the key before 0050) and into one
 * with the exact key (the column and an invisible virtual column of its length), through hand-written
 * JDBC batches of 1000 in one transaction; then lookups of single rows by the field. And {@code addRows}
 * into a table {@code defineTable} made, which has the exact key. The paths alternate in every round.
 *
 * <p>Run with {@code bench/run.sh --unique-key [--rows 200000] [--repeat 3] [--lookups 20000]}.
 */
public final class UniqueKeyBench {
    private static final int BATCH = 1000;

    private UniqueKeyBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = intOption(args, "--rows", 200_000);
        int repeat = intOption(args, "--repeat", 3);
        int lookups = intOption(args, "--lookups", 20_000);
        MysqlDialect dialect = new MysqlDialect(true);
        System.out.printf(Locale.ROOT, "MariaDB, %,d rows, %d rounds, %,d lookups; load average %.2f%n", rows, repeat, lookups, load());
        warmUp(dialect);
        for (int round = 1; round <= repeat; round++) {
            List<String> line = new ArrayList<>();
            for (String form : List.of("plain", "exact")) {
                TestDb db = TestDatabases.fresh("mariadb");
                try (Connection c = db.openJdbc()) {
                    create(c, dialect, form);
                    long t0 = System.nanoTime();
                    insert(c, rows);
                    long insertNs = System.nanoTime() - t0;
                    t0 = System.nanoTime();
                    lookUp(c, rows, lookups);
                    long lookupNs = System.nanoTime() - t0;
                    line.add(String.format(Locale.ROOT, "%s insert %,.0f rows/s, lookup %,.0f/s", form, rows / (insertNs / 1e9), lookups / (lookupNs / 1e9)));
                }
            }
            TestDb db = TestDatabases.fresh("mariadb");
            try (Connector core = new Connector()) {
                core.create(db.options());
                core.defineTable("items", Map.of("code", "uniquestring", "n", "integer"));
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < rows; i++) {
                    batch.add(Map.of("code", code(i), "n", (long) i));
                }
                long t0 = System.nanoTime();
                core.addRows("items", batch);
                line.add(String.format(Locale.ROOT, "addRows (exact) %,.0f rows/s", rows / ((System.nanoTime() - t0) / 1e9)));
            }
            System.out.printf(Locale.ROOT, "round %d: %s; load average %.2f%n", round, String.join("; ", line), load());
        }
        System.exit(0);
    }

    private static void warmUp(MysqlDialect dialect) throws SQLException {
        for (String form : List.of("plain", "exact")) {
            try (Connection c = TestDatabases.fresh("mariadb").openJdbc()) {
                create(c, dialect, form);
                insert(c, 5_000);
                lookUp(c, 5_000, 1_000);
            }
        }
    }

    /** The table with the unique key of {@code form}: the column's own UNIQUE, or the exact key core writes. */
    private static void create(Connection c, MysqlDialect dialect, String form) throws SQLException {
        String key = form.equals("plain") ? "UNIQUE KEY `code` (`code`)" : String.join(", ", dialect.exactUniqueKey("code"));
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE items (id BIGINT AUTO_INCREMENT PRIMARY KEY, code VARCHAR(255), n BIGINT, " + key + ")"
                    + dialect.createTableSuffix());
        }
    }

    private static void insert(Connection c, int rows) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (code, n) VALUES (?, ?)")) {
            for (int i = 0; i < rows; i++) {
                ps.setString(1, code(i));
                ps.setLong(2, i);
                ps.addBatch();
                if ((i + 1) % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** Single rows by the field, as a filter on it reads them (the plain comparison finds them through the key). */
    private static void lookUp(Connection c, int rows, int lookups) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, n FROM items WHERE code = ? AND CONCAT(code, '.') = ?")) {
            for (int i = 0; i < lookups; i++) {
                String code = code((int) ((i * 7919L) % rows));
                ps.setString(1, code);
                ps.setString(2, code + ".");
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no row for " + code);
                    }
                }
            }
        }
    }

    /** Distinct values of the length of an e-mail address, every tenth with a trailing space (and no twin, which the plain key refuses). */
    private static String code(int i) {
        return "customer-" + i + "@mail.example" + (i % 10 == 0 ? " " : "");
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
