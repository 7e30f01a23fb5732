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
 * before). Each round runs the three in a rotated order; medians printed. See docs/benchmarks.md
 * for the command.
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
            ParentLabels labels = ParentLabels.of(db, schema, LabelFields.forSession());
            RowWindow plain = new RowWindow(db, schema, List.of(), null);
            RowWindow joined = new RowWindow(db, schema, List.of(), null, labels.readOption());
            String[] names = {"without labels", "labels in the page's query", "labels by IN reads"};
            for (int m = 0; m < 3; m++) {
                scroll(m, plain, joined, labels, 20);
            }
            double[][] ms = new double[3][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 3; k++) {
                    int m = (r + k) % 3;
                    ms[m][r] = scroll(m, plain, joined, labels, pages);
                }
                System.out.printf(Locale.ROOT, "round %d: a 200-row page %.2f ms %s, %.2f ms %s (%.2fx), %.2f ms %s (%.2fx)%n", r + 1,
                        ms[0][r], names[0], ms[1][r], names[1], ms[1][r] / ms[0][r], ms[2][r], names[2], ms[2][r] / ms[0][r]);
            }
            double p = median(ms[0]);
            double j = median(ms[1]);
            double in = median(ms[2]);
            System.out.printf(Locale.ROOT, "median of %d rounds of %d pages: %.2f ms %s; %.2f ms %s: %.2fx; %.2f ms %s: %.2fx (%d IN reads)%n",
                    rounds, pages, p, names[0], j, names[1], j / p, in, names[2], in / p, labels.reads());
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
     * Milliseconds per page, reading {@code pages} pages from the start by keyset as scrolling does:
     * mode 0 without labels, 1 with the labels the page's query brings, 2 with labels read after
     * each page by {@code IN}.
     */
    private static double scroll(int mode, RowWindow plain, RowWindow joined, ParentLabels labels, int pages) {
        // Each pass starts with no label known: the cost of scrolling into rows never seen.
        labels.forget();
        RowWindow window = mode == 1 ? joined : plain;
        long t0 = System.nanoTime();
        List<Map<String, Object>> page = window.first(200);
        long index = 0;
        for (int p = 0; p < pages; p++) {
            if (mode != 0) {
                labels.of(page);
            }
            Map<String, Object> last = page.get(page.size() - 1);
            index += page.size();
            page = window.after(last, index - 1, 200);
        }
        return (System.nanoTime() - t0) / 1e6 / (pages + 1);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
