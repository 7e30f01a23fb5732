package dev.tablewright.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** The {@code tablewright} command: {@code run} call files, {@code sql} statements. */
@Command(name = "tablewright",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Tablewright, a database workbench for SQLite, PostgreSQL and MySQL/MariaDB, from the command line.",
        subcommands = {RunCommand.class, SqlCommand.class, HelpCommand.class})
public final class Main implements Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_INVALID_FILE = 2;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line as {@code main} does, writing to the given streams; returns the exit status. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine commandLine = new CommandLine(new Main())
                .setOut(outWriter)
                .setErr(errWriter)
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    cl.getErr().println("tablewright: " + (e.getMessage() == null ? "failed (" + e.getClass().getSimpleName() + ")" : e.getMessage()));
                    return EXIT_FAILED;
                });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Outside a step (picocli passes Errors through): still one line a person can act on, not a trace.
            errWriter.println("tablewright: " + JsonLines.whatRanOut(e));
            return EXIT_FAILED;
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** Runs the command line with stderr going to {@code System.err}. */
    public static int run(PrintStream out, String... args) {
        return run(out, System.err, args);
    }

    /** Without a subcommand: the usage, as for a wrong command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** The version written into the jar's manifest by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"tablewright " + (version == null ? "(development build)" : version)};
        }
    }
}
