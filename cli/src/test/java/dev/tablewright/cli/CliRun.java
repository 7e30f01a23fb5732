package dev.tablewright.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tablewright.core.base.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs the command line in-process and reads its output the way a user's script would. */
record CliRun(int exitCode, String stdout, String stderr) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Writes {@code yaml} as {@code name} in {@code dir} and runs it with the extra arguments. */
    static CliRun file(Path dir, String name, String text, String... extra) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("run", file.toString()));
        args.addAll(List.of(extra));
        return of(args.toArray(String[]::new));
    }

    /** Every stdout line parsed as JSON; fails when a line is not a JSON object. */
    List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode node = Json.MAPPER.readTree(line);
                if (!node.isObject()) {
                    fail("Not a JSON object line: " + line);
                }
                lines.add(node);
            } catch (JsonProcessingException e) {
                fail("Not a JSON line: " + line + "\nstdout:\n" + stdout);
            }
        }
        return lines;
    }

    JsonNode line(int step) {
        return lines().stream().filter(l -> l.path("step").asInt(-1) == step).findFirst()
                .orElseThrow(() -> new AssertionError("No line for step " + step + " in:\n" + stdout));
    }

    JsonNode result(int step) {
        JsonNode line = line(step);
        if (!line.has("result")) {
            fail("Step " + step + " has no result: " + line);
        }
        return line.get("result");
    }

    JsonNode error(int step) {
        JsonNode line = line(step);
        if (!line.has("error")) {
            fail("Step " + step + " did not fail: " + line);
        }
        return line.get("error");
    }

    List<JsonNode> errors() {
        return lines().stream().filter(l -> l.has("error")).collect(Collectors.toList());
    }

    CliRun assertExit(int expected) {
        assertEquals(expected, exitCode, () -> "exit status; stdout:\n" + stdout + "\nstderr:\n" + stderr);
        return this;
    }

    /** Exit 0 and a result line for every step. */
    CliRun assertAllSucceeded() {
        assertExit(0);
        assertEquals(List.of(), errors(), "error lines");
        return this;
    }
}
