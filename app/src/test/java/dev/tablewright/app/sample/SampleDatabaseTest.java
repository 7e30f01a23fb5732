package dev.tablewright.app.sample;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.query.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleDatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void firstLaunchCreatesTheShopWithItsTablesAndRows() throws IOException {
        SampleDatabase sample = new SampleDatabase(dataDir.resolve("not-yet-there"));

        try (Connector shop = sample.open()) {
            assertEquals(List.of("categories", "customers", "orders", "products"), shop.getAllTables());
            assertEquals(6, shop.countRows("categories", ReadOptions.none()));
            assertEquals(26, shop.countRows("products", ReadOptions.none()));
            assertEquals(20, shop.countRows("customers", ReadOptions.none()));
            assertEquals(40, shop.countRows("orders", ReadOptions.none()));
        }
        assertTrue(Files.isRegularFile(sample.file()));
        assertEquals(List.of("sample.db"), filesIn(sample.file().getParent()));
    }

    @Test
    void laterLaunchesReuseTheDatabaseWithoutRebuildingIt() {
        SampleDatabase sample = new SampleDatabase(dataDir);
        try (Connector shop = sample.open()) {
            shop.addRow("categories", Map.of("name", "Gift Cards", "sortOrder", 7));
        }

        try (Connector shop = new SampleDatabase(dataDir).open()) {
            assertEquals(7, shop.countRows("categories", ReadOptions.none()));
        }
    }

    @Test
    void aFirstLaunchThatFailsHalfwayLeavesNoFileAndTheNextLaunchStartsOver() throws IOException {
        SampleDatabase failing = new SampleDatabase(dataDir, SampleDatabaseTest.class.getResource("fails-halfway.yaml"));

        IllegalStateException failure = assertThrows(IllegalStateException.class, failing::open);
        assertTrue(failure.getMessage().startsWith("Step 3 (addRows)"), failure.getMessage());
        assertEquals(List.of(), filesIn(dataDir));

        try (Connector shop = new SampleDatabase(dataDir).open()) {
            assertEquals(6, shop.countRows("categories", ReadOptions.none()));
        }
    }

    @Test
    void aCallFileWithAStepTheLoaderDoesNotRunFailsBeforeWritingAnything() throws IOException {
        SampleDatabase sample = new SampleDatabase(dataDir, SampleDatabaseTest.class.getResource("unknown-function.yaml"));

        TablewrightException failure = assertThrows(TablewrightException.class, sample::open);
        assertEquals(ErrorCode.INVALID_ARGUMENT, failure.code());
        assertTrue(failure.getMessage().contains("'deleteTable'"), failure.getMessage());
        assertEquals(List.of(), filesIn(dataDir));
    }

    @Test
    void everyOrderNamesACustomerAndItsTotalIsItsItemsPlusShipping() {
        try (Connector shop = new SampleDatabase(dataDir).open()) {
            Set<Object> customers = shop.getTableData("customers").stream().map(c -> c.get("email")).collect(Collectors.toSet());
            Map<Object, Object> prices = shop.getTableData("products").stream()
                    .collect(Collectors.toMap(p -> p.get("sku"), p -> p.get("price")));
            for (Map<String, Object> order : shop.getTableData("orders")) {
                assertTrue(customers.contains(order.get("customerEmail")), () -> "unknown customer in " + order);
                double items = 0;
                for (Object line : (List<?>) order.get("items")) {
                    Map<?, ?> item = (Map<?, ?>) line;
                    assertEquals(prices.get(item.get("sku")), ((Number) item.get("unitPrice")).doubleValue(), () -> "price of " + item);
                    items += ((Number) item.get("quantity")).doubleValue() * ((Number) item.get("unitPrice")).doubleValue();
                }
                double total = items + (Double) order.get("shipping");
                assertEquals(Math.round(total * 100), Math.round((Double) order.get("total") * 100), () -> "total of " + order);
            }
        }
    }

    @Test
    void productSpecsAreJsonThatFiltersReachInto() {
        try (Connector shop = new SampleDatabase(dataDir).open()) {
            List<Map<String, Object>> kenyan = shop.getTableData("products",
                    ReadOptions.filter(List.of("specs.origin", "=", "Kenya")));

            assertEquals(List.of("CB-KEN-250"), kenyan.stream().map(p -> p.get("sku")).toList());
            assertFalse(((Map<?, ?>) kenyan.get(0).get("specs")).isEmpty());
        }
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
