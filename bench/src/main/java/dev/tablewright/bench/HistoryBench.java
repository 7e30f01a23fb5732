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
 *   <li>{@code getAuditLog} pages of 200 among those changes, the first and the last (by offset);
 *       target: under 50 ms each.</li>
 *   <li>{@code getTableData} with {@code asOf}: a page of 200 of the table (which then holds about
 *       as many rows as its history) at a moment when half the history was written, and at a moment
 *       after a few updates near the end; target: under 100 ms.</li>
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
        System.out.printf("%-9s %12s %12s %7s %14s %10s %10s %10s %10s %10s %10s %10s%n", "dialect", "plain ms", "tracked ms", "ratio", "history rows",
                "lookup ms", "audit 1st", "audit last", "oldest", "by key", "asOf mid", "asOf late");
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
            String middle = null;
            while (have < historyRows) {
                int chunk = (int) Math.min(100_000, historyRows - have);
                db.addRows("tracked", rows(chunk, "h" + have));
                have += chunk;
                if (middle == null && have >= historyRows / 2) {
                    middle = latestChange(db);
                    pause();
                }
            }
            // A few updates near the end, after a moment to read the table at.
            List<Object> firstRows = db.getTableData("tracked", ReadOptions.builder().fields(List.of("id")).limit(50).offset(1).build()).stream().map(r -> r.get("id")).toList();
            String late = latestChange(db);
            pause();
            for (Object row : firstRows) {
                db.changeRow("tracked", row, Map.of("qty", 5000));
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
            long changes = db.getAuditLog("tracked", Map.of("start", "2000-01-01", "limit", 1, "offset", 0)).size();
            long total = have - 1;
            double auditFirst = median(() -> check(db.getAuditLog("tracked", Map.of("limit", 200)).size(), 200));
            double auditLast = median(() -> check(db.getAuditLog("tracked", Map.of("limit", 200, "offset", total - 200)).size(), 200));
            // The same last page by key: the oldest 200 changes, and a page deep in the middle by version.
            double auditOldest = median(() -> check(db.getAuditLog("tracked", Map.of("limit", 200, "order", "oldest")).size(), 200));
            Object middleVersion = db.getAuditLog("tracked", Map.of("limit", 1, "offset", total / 2)).get(0).get("version");
            double auditDeep = median(() -> check(db.getAuditLog("tracked", Map.of("limit", 200, "before", middleVersion)).size(), 200));
            String moment = middle;
            double asOfMiddle = median(() -> check(db.getTableData("tracked", ReadOptions.builder().asOf(moment).limit(200).build()).size(), 200));
            double asOfLate = median(() -> {
                List<Map<String, Object>> page = db.getTableData("tracked", ReadOptions.builder().asOf(late).limit(200).build());
                check(page.size(), 200);
                if (page.stream().anyMatch(r -> Long.valueOf(5000).equals(r.get("qty")))) {
                    throw new IllegalStateException("asOf shows an update made after the moment");
                }
            });
            System.out.printf("%-9s %12d %12d %6.2fx %14d %10.2f %10.2f %10.2f %10.2f %10.2f %10.2f %10.2f%n", dialect, plain, tracked, (double) tracked / plain,
                    have, lookups[lookups.length / 2] / 1e6, auditFirst, auditLast, auditOldest, auditDeep, asOfMiddle, asOfLate);
            if (changes != 1) {
                throw new IllegalStateException("the audit log gave no page");
            }
        }
    }

    /** The moment of the history's latest change, as getAuditLog gives it. */
    private static String latestChange(Connector db) {
        return db.getAuditLog("tracked", Map.of("limit", 1)).get(0).get("createdAt").toString();
    }

    /** Later changes get a later millisecond than the moment just taken. */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void check(int got, int expected) {
        if (got != expected) {
            throw new IllegalStateException("expected " + expected + " rows, got " + got);
        }
    }

    /** Median ms of 11 runs after 3 warm-ups. */
    private static double median(Runnable r) {
        for (int i = 0; i < 3; i++) {
            r.run();
        }
        long[] ns = new long[11];
        for (int i = 0; i < ns.length; i++) {
            long start = System.nanoTime();
            r.run();
            ns[i] = System.nanoTime() - start;
        }
        Arrays.sort(ns);
        return ns[ns.length / 2] / 1e6;
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
