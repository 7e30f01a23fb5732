package dev.tablewright.cli;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.connect.ConnectOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tablewright sql --db URL "SQL" [--param V]...}: one raw statement, its result as one JSON object. */
@Command(name = "sql", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
                "Runs one SQL statement with bound parameters and prints its result as one JSON object"
                        + " {\"results\":[...],\"meta\":{...}}, or {\"error\":{\"code\":...,\"message\":...}} with exit status 1.",
                "A --param that reads as a JSON number, true, false, null or \"quoted text\" is bound as that value;"
                        + " anything else is bound as text."
        })
final class SqlCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "URL", required = true,
            description = "A SQLite file path or :memory:, postgres://user:pass@host:port/db, mysql://..., mariadb://... or a jdbc: URL.")
    String db;

    @Parameters(index = "0", paramLabel = "SQL", description = "The statement; ? marks a parameter.")
    String sql;

    @Option(names = {"-p", "--param"}, paramLabel = "V", description = "A parameter value, in order; repeat for each ?.")
    List<String> params = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Connector connector = new Connector()) {
            connector.create(ConnectOptions.parseUrl(db));
            List<Object> values = new ArrayList<>(params.size());
            params.forEach(p -> values.add(parameter(p)));
            out.println(Json.write(connector.query(sql, values)));
            out.flush();
            return Main.EXIT_OK;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            out.println(Json.write(Map.of("error", JsonLines.errorObject(e))));
            out.flush();
            return Main.EXIT_FAILED;
        }
    }

    /** JSON scalars keep their type so `--param 30` compares as a number on PostgreSQL too. */
    static Object parameter(String text) {
        try {
            Object v = Json.read(text);
            return v instanceof Map<?, ?> || v instanceof List<?> ? text : v;
        } catch (RuntimeException notJson) {
            return text;
        }
    }
}
