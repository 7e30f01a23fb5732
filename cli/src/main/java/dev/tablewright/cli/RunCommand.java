package dev.tablewright.cli;

import dev.tablewright.core.Connector;
import dev.tablewright.core.callfile.CallFile;
import dev.tablewright.core.connect.ConnectOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tablewright run FILE}: runs a call file, CONNECTOR.md section 1. (In the description
 * below, picocli reads {@code $$} as one {@code $}.)
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
                "Runs a call file (YAML, or JSON when the name ends in .json): a list of steps"
                        + " `- functionName: {named parameters}` with an optional `as: NAME`.",
                "Prints one JSON line per step on stdout: {\"step\":N,\"call\":...,\"result\":...}"
                        + " or {\"step\":N,\"call\":...,\"error\":{\"code\":...,\"message\":...}}.",
                "",
                "$${NAME}, $${NAME.field} and $${NAME.0.field} in a string are replaced by a bound result"
                        + " (a whole-string reference keeps the JSON type);"
                        + " a doubled $ before the brace keeps the text literal.",
                "{\"$file\": \"path\"} is that file's bytes, the path relative to the call file.",
                "Relative SQLite paths (in --db and in create) are relative to the current directory.",
                "",
                "Exit status: 0 every step succeeded; 1 a step failed (or --db could not connect);"
                        + " 2 the file cannot be read or parsed, a step is malformed or names an unknown"
                        + " function (one error line with step 0, nothing is run)."
        })
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The call file.")
    Path file;

    @Option(names = "--db", paramLabel = "URL",
            description = "Connect before step 1: a SQLite file path or :memory:, postgres://user:pass@host:port/db,"
                    + " mysql://..., mariadb://... or a jdbc: URL. A create step in the file replaces it.")
    String db;

    @Option(names = "--keep-going", description = "Run every step even after one failed (the exit status is still 1).")
    boolean keepGoing;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonLines lines = new JsonLines(spec.commandLine().getOut());
        CallFile callFile;
        try {
            callFile = CallFile.read(file, Calls.FUNCTIONS);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            lines.error(0, null, e);
            return Main.EXIT_INVALID_FILE;
        }
        try (Connector connector = new Connector()) {
            if (db != null) {
                try {
                    connector.create(ConnectOptions.parseUrl(db));
                } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                    lines.error(0, null, e);
                    return Main.EXIT_FAILED;
                }
            }
            return run(callFile, connector, lines);
        }
    }

    private int run(CallFile callFile, Connector connector, JsonLines lines) {
        Bindings bindings = new Bindings(callFile.directory());
        boolean failed = false;
        for (CallFile.Step step : callFile.steps()) {
            try {
                Map<String, Object> params = bindings.resolve(step.params());
                Object result = Calls.invoke(connector, step.function(), params);
                lines.result(step.number(), step.function(), result);
                if (step.bindAs() != null) {
                    bindings.bind(step.bindAs(), result);
                }
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                lines.error(step.number(), step.function(), e);
                if (step.bindAs() != null) {
                    bindings.bindFailed(step.bindAs());
                }
                failed = true;
                if (!keepGoing) {
                    break;
                }
            }
        }
        return failed ? Main.EXIT_FAILED : Main.EXIT_OK;
    }
}
