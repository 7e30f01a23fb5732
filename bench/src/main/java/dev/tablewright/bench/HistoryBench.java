package dev.tablewright.bench;

import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What record history costs, per dialect, in one run:
 * <ul>
 *   <li>{@code addRows} of {@code --rows} rows (default 100,000) into an untracked table and into a
 *       tracked one (history kept by triggers); target: tracking at most 2x the untracked time.</li>
 *   <li>{@code getHistoricalData} for one record once the history table holds {@code --history}
 *       rows (default 1,000,000); target: under 20 ms (it uses the (rowId, historyId) index).</li>
 * </ul>
 * Run with {@code bench/run.sh --history [--rows N] [--history N] [--rounds N] [--dialects …]};
 * see docs/benchmarks.md.
 */
public final class HistoryBench {
    private HistoryBench() {
    }

    public static void main(String[] args) {
        int rows = intArg(args, "--rows", 100_000);
        int history = intArg(args, "--history", 1_000_000);
        int rounds = intArg(args, "--rounds", 3);
        List<String> dialects = args.length > 0 && Arrays.asList(args).contains("--dialects")
                ? List.of(args[Arrays.asList(args).indexOf("--dialects") + 1].split(",")) : List.of("sqlite", "postgres", "mariadb");
        System.out.printf("%-9s %12s %12s %7s %14s %10s%n", "dialect", "plain ms", "tracked ms", "ratio", "history rows", "lookup ms");
        for (String dialect : dialects) {
            run(dialect, rows, history, rounds);
        }
        System.exit(0);
    }

    private static void run(String dialect, int rows, int historyRows, int rounds) {
        try (Connector db = new Connector()) {
            db.create(TestDatabases.fresh(dialect).options());
            Map<String, Object> fields = Map.of("name", "string", "qty", "integer", "price", "number", "specs", "jsonb");
            db.defineTable("tracked", fields, Map.of("trackHistory", true));
            db.defineTable("warmPlain", fields);
            db.defineTable("warmTracked", fields, Map.of("trackHistory", true));
            db.addRows("warmPlain", rows(20_000, "w"));
            db.addRows("warmTracked", rows(20_000, "w"));
            // Rounds into fresh tables, alternating which goes first; medians are reported.
            List<Map<String, Object>> data = rows(rows, "r");
            long[] plainMs = new long[rounds];
            long[] trackedMs = new long[rounds];
            for (int round = 0; round < rounds; round++) {
                db.defineTable("plain" + round, fields);
                db.defineTable("tracked" + round, fields, Map.of("trackHistory", true));
                String p = "plain" + round;
                String t = "tracked" + round;
                if (round % 2 == 0) {
                    plainMs[round] = time(() -> db.addRows(p, data));
                    trackedMs[round] = time(() -> db.addRows(t, data));
                } else {
                    trackedMs[round] = time(() -> db.addRows(t, data));
                    plainMs[round] = time(() -> db.addRows(p, data));
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (String t : List.of("plain" + round, "tracked" + round)) {
                    long n = db.countRows(t, ReadOptions.none());
                    if (n != rows) {
                        throw new IllegalStateException(t + " holds " + n + " rows, not " + rows);
                    }
                }
            }
            System.out.println(dialect + " rounds, plain ms " + Arrays.toString(plainMs) + ", tracked ms " + Arrays.toString(trackedMs));
            Arrays.sort(plainMs);
            Arrays.sort(trackedMs);
            long plain = plainMs[rounds / 2];
            long tracked = trackedMs[rounds / 2];

            // fill the history up to the target size, with one known record among them
            String id = (String) db.addRow("tracked", Map.of("name", "needle", "qty", 1)).get("id");
            for (int i = 0; i < 9; i++) {
                db.changeRow("tracked", id, Map.of("qty", i + 2));
            }
            long have = ((Number) db.queryOne("SELECT COUNT(*) AS n FROM " + db.dialect().quoteIdentifier("__history_tracked"), List.of()).get("n")).longValue();
            while (have < historyRows) {
                int chunk = (int) Math.min(100_000, historyRows - have);
                db.addRows("tracked", rows(chunk, "h" + have));
                have += chunk;
            }
            have = ((Number) db.queryOne("SELECT COUNT(*) AS n FROM " + db.dialect().quoteIdentifier("__history_tracked"), List.of()).get("n")).longValue();
            Map<String, Object> options = Map.of("filter", List.of("id", "=", id));
            for (int i = 0; i < 5; i++) {
                db.getHistoricalData("tracked", options);
            }
            long[] lookups = new long[21];
            for (int i = 0; i < lookups.length; i++) {
                long start = System.nanoTime();
                int versions = db.getHistoricalData("tracked", options).size();
                lookups[i] = System.nanoTime() - start;
                if (versions != 10) {
                    throw new IllegalStateException("expected 10 versions, got " + versions);
                }
            }
            Arrays.sort(lookups);
            System.out.printf("%-9s %12d %12d %6.2fx %14d %10.2f%n", dialect, plain, tracked, (double) tracked / plain, have,
                    lookups[lookups.length / 2] / 1e6);
        }
    }

    private static List<Map<String, Object>> rows(int n, String prefix) {
        List<Map<String, Object>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", prefix + "-" + i);
            r.put("qty", (long) (i % 1000));
            r.put("price", i * 0.25);
            r.put("specs", Map.of("w", i % 97, "tag", "t" + (i % 13)));
            out.add(r);
        }
        return out;
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static int intArg(String[] args, String name, int otherwise) {
        List<String> a = Arrays.asList(args);
        int i = a.indexOf(name);
        return i >= 0 && i + 1 < a.size() ? Integer.parseInt(a.get(i + 1).replace("_", "")) : otherwise;
    }
}
