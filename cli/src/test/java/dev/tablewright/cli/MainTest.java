package dev.tablewright.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        CliRun run = CliRun.of("--help").assertExit(0);
        assertTrue(run.stdout().contains("run") && run.stdout().contains("sql"), run.stdout());
    }

    @Test
    void runHelpExplainsTheExitStatus() {
        CliRun run = CliRun.of("run", "--help").assertExit(0);
        assertTrue(run.stdout().contains("--keep-going"), run.stdout());
        assertTrue(run.stdout().contains("${NAME.field}"), "references are shown, not interpolated: " + run.stdout());
        assertTrue(run.stdout().contains("Exit status"), run.stdout());
    }

    @Test
    void versionPrintsTheNameAndExitsZero() {
        CliRun run = CliRun.of("--version").assertExit(0);
        assertTrue(run.stdout().startsWith("tablewright "), run.stdout());
    }

    @Test
    void withoutACommandItPrintsUsageAndExitsTwo() {
        CliRun run = CliRun.of().assertExit(2);
        assertEquals("", run.stdout());
        assertTrue(run.stderr().contains("Usage"), run.stderr());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun.of("run", "x.yaml", "--frobnicate").assertExit(2);
    }
}
