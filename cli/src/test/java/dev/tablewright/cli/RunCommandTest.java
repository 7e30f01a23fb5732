package dev.tablewright.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandTest {

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("test.db").toString();
    }

    private static final String USERS = """
            - defineTable: {name: users, fields: {name: string, email: uniquestring, age: integer}}
            """;

    @Test
    void everyStepPrintsOneJsonLineWithItsNumberCallAndResult() {
        CliRun run = CliRun.file(dir, "calls.yaml", USERS + """
                - addRow: {table: users, data: {name: Jane Doe, email: jane@example.com, age: 34}}
                - getTableData: {name: users, options: {filter: [age, '>', 30], fields: [name, email]}}
                - isConnected:
                """, "--db", db()).assertAllSucceeded();

        List<JsonNode> lines = run.lines();
        assertEquals(4, lines.size());
        assertEquals(List.of(1, 2, 3, 4), lines.stream().map(l -> l.get("step").asInt()).toList());
        assertEquals(List.of("defineTable", "addRow", "getTableData", "isConnected"), lines.stream().map(l -> l.get("call").asText()).toList());
        assertEquals("users", run.result(1).get("name").asText());
        assertEquals(34, run.result(2).get("age").asInt());
        assertTrue(run.result(2).get("age").isIntegralNumber());
        assertTrue(run.result(2).get("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), "dates are ISO-8601 UTC");
        assertEquals("[{\"name\":\"Jane Doe\",\"email\":\"jane@example.com\"}]", run.result(3).toString());
        assertTrue(run.result(4).asBoolean());
    }

    @Test
    void removeRelationshipTakesItsOptionsAndSaysWhatItRemoved() {
        CliRun run = CliRun.file(dir, "calls.yaml", USERS + """
                - defineTable: {name: posts, fields: {title: string}}
                - defineTable: {name: tags, fields: {label: string}}
                - optionallyHasOne: {childTable: posts, parentTable: users, role: Author}
                - optionallyHasMany: {childTable: posts, parentTable: tags}
                - removeRelationship: {childTable: posts, parentTable: users, options: {role: Author, keepField: true}}
                - removeRelationship: {childTable: tags, parentTable: posts}
                - getTableSchema: {name: posts}
                - removeRelationship: {childTable: tags, parentTable: posts}
                """, "--db", db(), "--keep-going").assertExit(1);

        assertEquals("authorId", run.result(6).asText());
        assertEquals("__posts2tags", run.result(7).asText());
        assertFalse(run.result(8).get("fields").get("authorId").has("references"), "the field stays, without its link");
        assertTrue(run.result(8).get("relationships").isEmpty());
        assertEquals("NOT_FOUND", run.error(9).get("code").asText());
    }

    @Test
    void aFailedStepStopsTheRunWithExitStatusOne() {
        CliRun run = CliRun.file(dir, "calls.yaml", USERS + """
                - addRow: {table: users, data: {name: A, email: same@example.com}}
                - addRow: {table: users, data: {name: B, email: same@example.com}}
                - countRows: {name: users}
                """, "--db", db()).assertExit(1);

        assertEquals(3, run.lines().size(), "nothing after the failed step");
        assertEquals("addRow", run.line(3).get("call").asText());
        assertEquals("UNIQUE_VIOLATION", run.error(3).get("code").asText());
        assertFalse(run.error(3).get("message").asText().isBlank());
    }

    @Test
    void keepGoingRunsEveryStepButStillExitsOne() {
        CliRun run = CliRun.file(dir, "calls.yaml", USERS + """
                - addRow: {table: users, data: {name: A, email: same@example.com}}
                - addRow: {table: users, data: {name: B, email: same@example.com}}
                - addRow: {table: users, data: {name: C, age: old}}
                - countRows: {name: users}
                """, "--db", db(), "--keep-going").assertExit(1);

        assertEquals(5, run.lines().size());
        assertEquals("UNIQUE_VIOLATION", run.error(3).get("code").asText());
        assertEquals("INVALID_VALUE", run.error(4).get("code").asText());
        assertEquals(1, run.result(5).asInt());
    }

    @Test
    void aWholeStringReferenceKeepsItsJsonType() {
        CliRun run = CliRun.file(dir, "calls.yaml", USERS + """
                - addRow: {table: users, data: {name: Jane, email: jane@example.com, age: 34}}
                  as: jane
                - query: {sql: 'SELECT count(*) AS n FROM users'}
                  as: count
                - queryOne: {sql: 'SELECT typeof(?) AS t, ? + 1 AS next', params: ['${count.results.0.n}', '${jane.age}']}
                - addRow: {table: users, data: {name: '${jane.name}', email: copy@example.com, age: '${jane.age}'}}
                - queryOne: {sql: "SELECT 'Tom' AS name, 'tom@example.com' AS email, 40 AS age"}
                  as: template
                - addRow: {table: users, data: '${template}'}
                """, "--db", db()).assertAllSucceeded();

        assertEquals("integer", run.result(4).get("t").asText());
        assertEquals(35, run.result(4).get("next").asInt());
        assertEquals(34, run.result(5).get("age").asInt());
        assertEquals("Tom", run.result(7).get("name").asText(), "a whole map came through as a map");
        assertEquals(40, run.result(7).get("age").asInt());
    }

    @Test
    void aReferenceInsideLongerTextIsReplacedByItsText() {
        CliRun run = CliRun.file(dir, "calls.yaml", USERS + """
                - addRow: {table: users, data: {name: Jane, email: jane@example.com, age: 34}}
                  as: jane
                - getTableData: {name: users, options: {fields: [name, age]}}
                  as: all
                - queryOne:
                    sql: 'SELECT ? AS a, ? AS b, ? AS c, ? AS d'
                    params: ['${jane.name} is ${jane.age}', 'first: ${all.0}', 'list=${all}', '${ jane.name }!']
                """, "--db", db()).assertAllSucceeded();

        JsonNode row = run.result(4);
        assertEquals("Jane is 34", row.get("a").asText());
        assertEquals("first: {\"name\":\"Jane\",\"age\":34}", row.get("b").asText());
        assertEquals("list=[{\"name\":\"Jane\",\"age\":34}]", row.get("c").asText());
        assertEquals("Jane!", row.get("d").asText());
    }

    @Test
    void aDoubledDollarKeepsAReferenceLiteral() {
        CliRun run = CliRun.file(dir, "calls.yaml", """
                - queryOne: {sql: 'SELECT ? AS a, ? AS b', params: ['$${price}', 'costs $${price} now']}
                """, "--db", db()).assertAllSucceeded();

        assertEquals("${price}", run.result(1).get("a").asText());
        assertEquals("costs ${price} now", run.result(1).get("b").asText());
    }

    @Test
    void aReferenceToAnUnboundNameOrMissingFieldIsInvalidArgument() {
        CliRun run = CliRun.file(dir, "calls.yaml", USERS + """
                - addRow: {table: users, data: {name: Jane, email: jane@example.com}}
                  as: jane
                - findRow: {table: users, options: {filter: [id, '=', '${john.id}']}}
                - findRow: {table: users, options: {filter: [id, '=', '${jane.idd}']}}
                - findRow: {table: users, options: {filter: [id, '=', '${jane.name.first}']}}
                """, "--db", db(), "--keep-going").assertExit(1);

        assertEquals("INVALID_ARGUMENT", run.error(3).get("code").asText());
        assertTrue(run.error(3).get("message").asText().contains("bound so far: jane"), run.error(3).toString());
        assertEquals("INVALID_ARGUMENT", run.error(4).get("code").asText());
        assertTrue(run.error(4).get("message").asText().contains("no field 'idd'"), run.error(4).toString());
        assertTrue(run.error(4).get("message").asText().contains("email"), "lists the fields there are");
        assertEquals("INVALID_ARGUMENT", run.error(5).get("code").asText());
    }

    @Test
    void aNameWhoseStepFailedIsReportedAsSuch() {
        CliRun run = CliRun.file(dir, "calls.yaml", USERS + """
                - addRow: {table: users, data: {name: Jane, age: many}}
                  as: jane
                - deleteRow: {table: users, id: '${jane.id}'}
                """, "--db", db(), "--keep-going").assertExit(1);

        assertTrue(run.error(3).get("message").asText().contains("failed"), run.error(3).toString());
    }

    @Test
    void aFileValueIsReadAsBytesRelativeToTheCallFile() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("calls"));
        byte[] bytes = {0, 1, 2, (byte) 0xff, 'h', 'i'};
        Files.write(Files.createDirectories(sub.resolve("files")).resolve("blob.bin"), bytes);

        CliRun run = CliRun.file(sub, "calls.yaml", """
                - defineTable: {name: documents, fields: {title: string, content: file}}
                - addRow: {table: documents, data: {title: blob, content: {$file: files/blob.bin}}}
                - query: {sql: 'SELECT length(content) AS n FROM documents'}
                """, "--db", db()).assertAllSucceeded();

        assertEquals(Base64.getEncoder().encodeToString(bytes), run.result(2).get("content").asText());
        assertEquals(6, run.result(3).get("results").get(0).get("n").asInt());
    }

    @Test
    void aMissingFileValueIsInvalidArgument() {
        CliRun run = CliRun.file(dir, "calls.yaml", """
                - defineTable: {name: documents, fields: {content: file}}
                - addRow: {table: documents, data: {content: {$file: nowhere.bin}}}
                """, "--db", db()).assertExit(1);

        assertEquals("INVALID_ARGUMENT", run.error(2).get("code").asText());
        String message = run.error(2).get("message").asText();
        assertTrue(message.contains("nowhere.bin") && message.contains("not found"), message);
        assertFalse(message.contains("Exception"), "no Java names in the message: " + message);
    }

    @Test
    void unparseableYamlExitsTwoWithOneErrorLineAtStepZero() {
        CliRun run = CliRun.file(dir, "broken.yaml", """
                - defineTable: {name: users, fields: {name: string}
                - getAllTables: {}
                """, "--db", db()).assertExit(2);

        assertEquals(1, run.lines().size());
        assertEquals(0, run.lines().get(0).get("step").asInt());
        assertEquals("INVALID_ARGUMENT", run.error(0).get("code").asText());
        assertTrue(run.error(0).get("message").asText().contains("line"), "says where: " + run.error(0));
    }

    @Test
    void aMalformedStepIsAParseErrorAndNothingRuns() {
        Path database = dir.resolve("untouched.db");
        CliRun twoFunctions = CliRun.file(dir, "two.yaml", """
                - defineTable: {name: users, fields: {name: string}}
                - addRow: {table: users, data: {name: A}}
                  getAllTables: {}
                """, "--db", database.toString()).assertExit(2);
        assertEquals(1, twoFunctions.lines().size());
        assertTrue(twoFunctions.error(0).get("message").asText().startsWith("Step 2:"), twoFunctions.error(0).toString());

        CliRun notAMap = CliRun.file(dir, "scalar.yaml", "- getAllTables\n", "--db", database.toString()).assertExit(2);
        assertTrue(notAMap.error(0).get("message").asText().contains("Step 1"));

        CliRun onlyAs = CliRun.file(dir, "as.yaml", "- as: x\n", "--db", database.toString()).assertExit(2);
        assertTrue(onlyAs.error(0).get("message").asText().contains("no function"));

        CliRun positional = CliRun.file(dir, "positional.yaml", "- getTableSchema: users\n", "--db", database.toString()).assertExit(2);
        assertTrue(positional.error(0).get("message").asText().contains("name"), "names the parameters: " + positional.error(0));

        CliRun notAList = CliRun.file(dir, "map.yaml", "getAllTables: {}\n", "--db", database.toString()).assertExit(2);
        assertTrue(notAList.error(0).get("message").asText().contains("list of steps"));

        CliRun badAs = CliRun.file(dir, "badas.yaml", "- getAllTables: {}\n  as: 'my name'\n").assertExit(2);
        assertEquals("INVALID_ARGUMENT", badAs.error(0).get("code").asText());

        assertEquals("[]", CliRun.file(dir, "check.yaml", "- getAllTables: {}\n", "--db", database.toString())
                .assertAllSucceeded().result(1).toString(), "no step of the malformed files ran");
    }

    @Test
    void anUnknownFunctionIsAParseErrorThatListsTheKnownOnes() {
        CliRun run = CliRun.file(dir, "typo.yaml", """
                - getAllTables: {}
                - addRw: {table: users, data: {name: A}}
                """, "--db", db()).assertExit(2);

        assertEquals(1, run.lines().size(), "the first step did not run either");
        String message = run.error(0).get("message").asText();
        assertEquals("INVALID_ARGUMENT", run.error(0).get("code").asText());
        assertTrue(message.contains("Step 2") && message.contains("'addRw'"), message);
        assertTrue(message.contains("Did you mean addRow?"), message);
        assertTrue(message.contains("getTableData") && message.contains("batch"), "lists the known functions: " + message);
    }

    @Test
    void aMissingCallFileExitsTwo() {
        CliRun run = CliRun.of("run", dir.resolve("nope.yaml").toString()).assertExit(2);
        assertTrue(run.error(0).get("message").asText().contains("not found"));
    }

    @Test
    void anEmptyListRunsNothing() {
        CliRun run = CliRun.file(dir, "empty.yaml", "[]\n").assertExit(0);
        assertEquals("", run.stdout());
        CliRun.file(dir, "blank.yaml", "# only a comment\n").assertExit(2);
    }

    @Test
    void unknownAndMissingParametersAreInvalidArgumentNamingTheAllowedOnes() {
        CliRun run = CliRun.file(dir, "calls.yaml", USERS + """
                - addRow: {tabel: users, data: {name: A}}
                - addRow: {table: users}
                - getAllTables: {name: users}
                - changeRow: {table: users, id: x, data: {}, options: {merge: true}}
                """, "--db", db(), "--keep-going").assertExit(1);

        String unknown = run.error(2).get("message").asText();
        assertEquals("INVALID_ARGUMENT", run.error(2).get("code").asText());
        assertTrue(unknown.contains("'tabel'") && unknown.contains("table, data"), unknown);
        String missing = run.error(3).get("message").asText();
        assertTrue(missing.contains("needs 'data'"), missing);
        assertTrue(run.error(4).get("message").asText().contains("takes none"), run.error(4).toString());
        assertTrue(run.error(5).get("message").asText().contains("patch"), run.error(5).toString());
    }

    @Test
    void aParameterOfTheWrongKindIsInvalidArgument() {
        CliRun run = CliRun.file(dir, "calls.yaml", USERS + """
                - addRow: {table: users, data: [1, 2]}
                - addRows: {table: users, data: {name: A}}
                - addRows: {table: users, data: [{name: A}, 3]}
                - query: {sql: 'SELECT 1', params: 1}
                - batch: {statements: [{sql: 'SELECT 1', values: []}]}
                - changeRow: {table: users, id: x, data: {name: B}, options: {patch: yes please}}
                """, "--db", db(), "--keep-going").assertExit(1);

        for (int step = 2; step <= 7; step++) {
            assertEquals("INVALID_ARGUMENT", run.error(step).get("code").asText(), run.line(step).toString());
        }
        assertTrue(run.error(4).get("message").asText().contains("data[1]"), run.error(4).toString());
    }

    @Test
    void stepsWithoutAConnectionGiveNotConnected() {
        CliRun run = CliRun.file(dir, "calls.yaml", """
                - isConnected: {}
                - getAllTables: {}
                """).assertExit(1);

        assertFalse(run.result(1).asBoolean());
        assertEquals("NOT_CONNECTED", run.error(2).get("code").asText());
    }

    @Test
    void aCreateStepReplacesTheDbConnection() {
        Path other = dir.resolve("other.db");
        CliRun.file(dir, "calls.yaml", """
                - defineTable: {name: first, fields: {a: string}}
                - create: {dialect: sqlite, database: '%s'}
                - defineTable: {name: second, fields: {a: string}}
                - create: {options: {dialect: sqlite, database: '%s'}}
                - getAllTables: {}
                """.formatted(other, db()), "--db", db()).assertAllSucceeded();

        assertEquals("[\"second\"]", CliRun.file(dir, "check.yaml", "- getAllTables: {}\n", "--db", other.toString()).result(1).toString());
        assertEquals("[\"first\"]", CliRun.file(dir, "check.yaml", "- getAllTables: {}\n", "--db", db()).result(1).toString());
    }

    @Test
    void aCreateWithBadOptionsIsAStepError() {
        CliRun run = CliRun.file(dir, "calls.yaml", """
                - create: {dialect: oracle, database: x}
                - create: {dialect: sqlite, file: x.db}
                """, "--keep-going").assertExit(1);

        assertEquals("INVALID_ARGUMENT", run.error(1).get("code").asText());
        assertEquals("INVALID_ARGUMENT", run.error(2).get("code").asText());
    }

    @Test
    void aDbUrlThatCannotBeUsedExitsOneBeforeAnyStep() {
        CliRun run = CliRun.file(dir, "calls.yaml", "- getAllTables: {}\n", "--db", "oracle://scott:tiger@localhost/orcl").assertExit(1);

        assertEquals(1, run.lines().size());
        assertEquals(0, run.lines().get(0).get("step").asInt());
        assertEquals("INVALID_ARGUMENT", run.error(0).get("code").asText());
        assertTrue(run.error(0).get("message").asText().contains("oracle"), run.error(0).toString());
    }

    @Test
    void relationshipsJoinsHistoryAndAutoSchemaRunFromCallFiles() {
        CliRun run = CliRun.file(dir, "calls.yaml", """
                - defineTable: {name: posts, fields: {title: string}, options: {trackHistory: true}}
                - defineTable: {name: users, fields: {name: string}}
                - optionallyHasOne: {childTable: posts, parentTable: users}
                - addRow: {table: users, data: {name: Alice}}
                  as: alice
                - addRow: {table: posts, data: {title: Hello, userId: '${alice.id}'}}
                  as: post
                - getTableData: {name: [users, posts], options: {filter: [[users.id, '=', posts.userId]], fields: [users.name, posts.title]}}
                - autoAddRows: {table: things, data: [{a: 1}]}
                - changeRow: {table: posts, id: '${post.id}', data: {title: Hi}}
                - getAuditLog: {name: posts}
                """, "--db", db()).assertExit(0);

        assertEquals("userId", run.result(3).asText());
        assertEquals("Alice", run.result(6).get(0).get("users.name").asText());
        assertEquals("Hello", run.result(6).get(0).get("posts.title").asText());
        assertEquals(1, run.result(7).asInt());
        assertEquals("UPDATE", run.result(9).get(0).get("action").asText());
        assertEquals("Hi", run.result(9).get(0).get("diff").get("title").get("new").asText());
    }

    @Test
    void renameTableMovesRowsAndHistoryAndRefusesATakenName() {
        CliRun run = CliRun.file(dir, "calls.yaml", """
                - defineTable: {name: posts, fields: {title: string}, options: {trackHistory: true}}
                - defineTable: {name: users, fields: {name: string}}
                - addRow: {table: posts, data: {title: Hello}}
                  as: post
                - renameTable: {from: posts, to: articles}
                - changeRow: {table: articles, id: '${post.id}', data: {title: Hi}}
                - getAuditLog: {name: articles}
                - getAllTables:
                - renameTable: {from: articles, to: users}
                """, "--db", db(), "--keep-going").assertExit(1);

        assertEquals("articles", run.result(4).get("name").asText());
        assertTrue(run.result(4).get("options").get("trackHistory").asBoolean());
        assertEquals(List.of("UPDATE", "CREATE"), List.of(run.result(6).get(0).get("action").asText(), run.result(6).get(1).get("action").asText()));
        assertEquals("[\"articles\",\"users\"]", run.result(7).toString());
        assertEquals("INVALID_NAME", run.error(8).get("code").asText());
        assertTrue(run.error(8).get("message").asText().contains("exists already"));
    }

    @Test
    void changeRowWithPatchMergesJsonObjects() {
        CliRun run = CliRun.file(dir, "calls.yaml", """
                - defineTable: {name: settings, fields: {id: {type: integer, primaryKey: true}, settings: json}}
                - addRow: {table: settings, data: {id: 1, settings: {theme: dark, size: 3}}}
                - changeRow: {table: settings, id: 1, data: {settings: {size: 4}}, options: {patch: true}}
                - changeRow: {table: settings, id: 1, data: {settings: {size: 5}}}
                """, "--db", db()).assertAllSucceeded();

        assertEquals("{\"theme\":\"dark\",\"size\":4}", run.result(3).get("settings").toString());
        assertEquals("{\"size\":5}", run.result(4).get("settings").toString());
    }

    @Test
    void rawSqlStepsTakeSqlParamsAndStatements() {
        CliRun run = CliRun.file(dir, "calls.yaml", """
                - exec: {sql: 'CREATE TABLE t (n INTEGER, s TEXT); CREATE INDEX t_n ON t (n);'}
                - batch:
                    statements:
                      - {sql: 'INSERT INTO t VALUES (?, ?)', params: [1, 'one; two']}
                      - {sql: 'INSERT INTO t VALUES (2, NULL)'}
                - query: {sql: 'SELECT n, s FROM t WHERE n >= ? ORDER BY n', params: [1]}
                - queryOne: {sql: 'SELECT s FROM t WHERE n = ?', params: [3]}
                - query: {sql: 'SELEC nonsense'}
                """, "--db", db()).assertExit(1);

        assertEquals(2, run.result(1).get("count").asInt());
        assertEquals(2, run.result(2).size());
        assertEquals("[{\"n\":1,\"s\":\"one; two\"},{\"n\":2,\"s\":null}]", run.result(3).get("results").toString());
        assertTrue(run.result(4).isNull(), "queryOne without a row is null");
        assertEquals("SQL_ERROR", run.error(5).get("code").asText());
    }

    @Test
    void userStandsForTheCurrentUser() {
        CliRun run = CliRun.file(dir, "calls.yaml", """
                - defineTable: {name: profiles, fields: {username: uniquestring, theme: string}}
                - upsertRow: {table: profiles, data: {theme: dark}, uniqueKey: {username: $USER}}
                """, "--db", db()).assertAllSucceeded();

        assertEquals(System.getProperty("user.name"), run.result(2).get("username").asText());
    }

    @Test
    void aJsonCallFileMayBeIndentedWithTabs() {
        CliRun run = CliRun.file(dir, "calls.json", "[\n\t{\"getAllTables\": {}, \"as\": \"tables\"},\n\t{\"isConnected\": null}\n]\n",
                "--db", db()).assertAllSucceeded();

        assertEquals(2, run.lines().size());
    }

    @Test
    void duplicateKeysInAStepAreAParseError() {
        CliRun run = CliRun.file(dir, "dup.yaml", """
                - addRow: {table: users, data: {name: A}}
                  addRow: {table: users, data: {name: B}}
                """).assertExit(2);

        assertTrue(run.error(0).get("message").asText().contains("addRow"), run.error(0).toString());
    }

    @Test
    void outputIsUtf8WhateverThePlatformEncoding() {
        CliRun run = CliRun.file(dir, "calls.yaml", """
                - queryOne: {sql: 'SELECT ? AS s', params: ['Grüße, 東京 🚀']}
                """, "--db", db()).assertAllSucceeded();

        assertEquals("Grüße, 東京 🚀", run.result(1).get("s").asText());
    }

    @Test
    void aCallFileThatIsNotUtf8SaysSoWithoutJavaNames() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "- exec: {sql: \"SELECT 'caf\u00e9'\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun run = CliRun.of("run", file.toString()).assertExit(2);
        String message = run.error(0).get("message").asText();
        assertTrue(message.contains("not UTF-8"), message);
        assertFalse(message.contains("Input length") || message.contains("Exception"), message);
    }

    /** A call file too big for the memory Java has gives one error line and an exit status, never a trace. */
    @Test
    void outOfMemoryOnAHugeCallFileIsOneErrorLine() throws Exception {
        Path file = dir.resolve("huge.yaml");
        try (var out = Files.newBufferedWriter(file)) {
            out.write("- query: {sql: \"SELECT '");
            String chunk = "x".repeat(1 << 16);
            for (int i = 0; i < 800; i++) {
                out.write(chunk);
            }
            out.write("'\"}\n");
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", file.toString(), "--db", ":memory:")
                .redirectErrorStream(false).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        assertTrue(exit == 1 || exit == 2, "exit " + exit + "\n" + stdout + stderr);
        assertFalse(stderr.contains("\tat ") || stdout.contains("\tat "), "no stack trace:\n" + stderr);
        String all = stdout + stderr;
        assertTrue(all.contains("Out of memory") && all.contains("-Xmx"), all);
    }
}
