package dev.tablewright.app.grid;

import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.TableSchema;
import dev.tablewright.core.testing.TestDatabases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Not a test: what the parents' labels add to a page of the grid. A table of orders with two
 * foreign keys (customerId → 100,000 customers, productId → 10,000 products) is read a 200-row
 * page at a time by keyset, as scrolling reads it: without labels; with the labels the page's own
 * query brings (the core's {@code labels} option, what the grid does); and with them read
 * afterwards, one {@code key IN (…)} read per foreign-key column per page (what the grid did
 * before). The three take turns page by page; medians of the rounds printed. See
 * docs/benchmarks.md for the command.
 */
public final class GridLabelsBench {
    private GridLabelsBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        int rounds = 5;
        int pages = 100;
        String dialect = "sqlite";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--pages" -> pages = Integer.parseInt(args[++i]);
                case "--dialect" -> dialect = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path file = Files.createTempFile("tablewright-labels-bench", ".db");
        Files.delete(file);
        TestDatabases.TestDb server = dialect.equals("sqlite") ? null : TestDatabases.fresh(dialect);
        try (Connector db = new Connector()) {
            db.create(server == null ? Map.of("dialect", "sqlite", "database", file.toString()) : server.options());
            long fill = System.nanoTime();
            int customers = 100_000;
            int products = 10_000;
            db.defineTable("customers", Map.of("name", "string", "city", "string"));
            db.defineTable("products", Map.of("title", "string", "price", "number"));
            db.defineTable("orders", Map.of("qty", "integer", "note", "text"));
            String customerId = db.optionallyHasOne("orders", "customers", null);
            String productId = db.optionallyHasOne("orders", "products", null);
            List<Object> customerIds = fill(db, "customers", customers, i -> Map.of("name", "customer " + i, "city", "city " + (i % 500)));
            List<Object> productIds = fill(db, "products", products, i -> Map.of("title", "product " + i, "price", i / 10.0));
            Random random = new Random(42);
            fill(db, "orders", rows, i -> {
                Map<String, Object> r = new HashMap<>();
                r.put("qty", (long) (i % 20));
                r.put("note", "order " + i);
                // One order in 20 has no customer: null keys are part of a real page.
                r.put(customerId, i % 20 == 0 ? null : customerIds.get(random.nextInt(customerIds.size())));
                r.put(productId, productIds.get(random.nextInt(productIds.size())));
                return r;
            });
            System.out.printf(Locale.ROOT, "%s: %,d orders, %,d customers, %,d products made in %.1f s%n", dialect, rows, customers, products,
                    (System.nanoTime() - fill) / 1e9);

            TableSchema schema = db.getTableSchema("orders");
            // Two sets of labels, so what one way has read never spares the other a read.
            ParentLabels joinedLabels = ParentLabels.of(db, schema, LabelFields.forSession());
            ParentLabels inLabels = ParentLabels.of(db, schema, LabelFields.forSession());
            RowWindow[] windows = {new RowWindow(db, schema, List.of(), null), new RowWindow(db, schema, List.of(), null, joinedLabels.readOption()),
                    new RowWindow(db, schema, List.of(), null)};
            ParentLabels[] labels = {null, joinedLabels, inLabels};
            String[] names = {"without labels", "labels in the page's query", "labels by IN reads"};
            scroll(windows, labels, rows, 0, Math.min(pages, 20));
            double[][] ms = new double[3][rounds];
            for (int r = 0; r < rounds; r++) {
                double[] round = scroll(windows, labels, rows, r + 1, pages);
                for (int m = 0; m < 3; m++) {
                    ms[m][r] = round[m];
                }
                System.out.printf(Locale.ROOT, "round %d: a 200-row page %.2f ms %s, %.2f ms %s (%.2fx), %.2f ms %s (%.2fx)%n", r + 1,
                        ms[0][r], names[0], ms[1][r], names[1], ms[1][r] / ms[0][r], ms[2][r], names[2], ms[2][r] / ms[0][r]);
            }
            double p = median(ms[0]);
            double j = median(ms[1]);
            double in = median(ms[2]);
            System.out.printf(Locale.ROOT, "median of %d rounds of %d pages: %.2f ms %s; %.2f ms %s: %.2fx; %.2f ms %s: %.2fx (%d IN reads, %d for the page's query's null labels)%n",
                    rounds, pages, p, names[0], j, names[1], j / p, in, names[2], in / p, inLabels.reads(), joinedLabels.reads());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<Object> fill(Connector db, String table, int n, IntFunction<Map<String, Object>> row) {
        List<Map<String, Object>> chunk = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chunk.add(row.apply(i));
            if (chunk.size() == 50_000 || i == n - 1) {
                db.addRows(table, chunk);
                chunk.clear();
            }
        }
        List<Object> ids = new ArrayList<>();
        if (!table.equals("orders")) {
            db.getTableData(table, ReadOptions.builder().fields(List.of("id")).autoJoin(false).build()).forEach(r -> ids.add(r.get("id")));
        }
        return ids;
    }

    /**
     * Milliseconds per page of each way (0: without labels, 1: labels in the page's query, 2: labels
     * by IN reads after the page), reading {@code pages} pages by keyset as scrolling does. The three
     * take turns page by page, in a rotating order, so a burst of load on the machine falls on all
     * of them alike; each scrolls its own stretch of the table (chosen by {@code pass}), and starts
     * with no label known: the cost of scrolling into rows never seen.
     */
    private static double[] scroll(RowWindow[] windows, ParentLabels[] labels, int rows, int pass, int pages) {
        int stretch = pages * 200 + 200;
        List<List<Map<String, Object>>> page = new ArrayList<>();
        long[] index = new long[3];
        long[] nanos = new long[3];
        for (int m = 0; m < 3; m++) {
            if (labels[m] != null) {
                labels[m].forget();
            }
            long from = (long) (pass * 3 + m) * stretch % Math.max(1, rows - stretch);
            page.add(windows[m].at(from, 200, rows));
            index[m] = from;
        }
        for (int p = 0; p < pages; p++) {
            for (int k = 0; k < 3; k++) {
                int m = (p + k) % 3;
                long t0 = System.nanoTime();
                List<Map<String, Object>> current = page.get(m);
                if (labels[m] != null) {
                    labels[m].of(current);
                }
                index[m] += current.size();
                page.set(m, windows[m].after(current.get(current.size() - 1), index[m] - 1, 200));
                nanos[m] += System.nanoTime() - t0;
            }
        }
        double[] out = new double[3];
        for (int m = 0; m < 3; m++) {
            out[m] = nanos[m] / 1e6 / pages;
        }
        return out;
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
