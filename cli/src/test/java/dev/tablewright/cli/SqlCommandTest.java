package dev.tablewright.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlCommandTest {

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("sql.db").toString();
    }

    @Test
    void printsTheQueryResultAsOneJsonObject() {
        CliRun.of("sql", "--db", db(), "CREATE TABLE t (n INTEGER, s TEXT)").assertExit(0);
        CliRun insert = CliRun.of("sql", "--db", db(), "INSERT INTO t VALUES (?, ?)", "--param", "7", "--param", "seven").assertExit(0);
        assertEquals(1, insert.lines().get(0).get("meta").get("changes").asInt());

        CliRun select = CliRun.of("sql", "--db", db(), "SELECT n, s FROM t WHERE n > ?", "-p", "6").assertExit(0);
        assertEquals(1, select.lines().size(), "one JSON object");
        JsonNode result = select.lines().get(0);
        assertEquals("[{\"n\":7,\"s\":\"seven\"}]", result.get("results").toString());
        assertEquals("[\"n\",\"s\"]", result.get("meta").get("columns").toString());
    }

    @Test
    void parametersThatReadAsJsonScalarsKeepTheirType() {
        CliRun run = CliRun.of("sql", "--db", db(), "SELECT typeof(?) AS a, typeof(?) AS b, typeof(?) AS c, typeof(?) AS d, ? AS e",
                "-p", "42", "-p", "\"42\"", "-p", "2.5", "-p", "null", "-p", "plain text").assertExit(0);

        JsonNode row = run.lines().get(0).get("results").get(0);
        assertEquals("integer", row.get("a").asText());
        assertEquals("text", row.get("b").asText());
        assertEquals("real", row.get("c").asText());
        assertEquals("null", row.get("d").asText());
        assertEquals("plain text", row.get("e").asText());
    }

    @Test
    void sqlTheDatabaseRefusesPrintsAnErrorObjectAndExitsOne() {
        CliRun run = CliRun.of("sql", "--db", db(), "SELECT * FROM missing").assertExit(1);

        JsonNode error = run.lines().get(0).get("error");
        assertEquals("SQL_ERROR", error.get("code").asText());
        assertTrue(error.get("message").asText().contains("missing"), error.toString());
    }

    @Test
    void withoutDbItIsAUsageError() {
        CliRun run = CliRun.of("sql", "SELECT 1").assertExit(2);
        assertTrue(run.stderr().contains("--db"), run.stderr());
    }
}
