package dev.tablewright.cli;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.TablewrightException;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the output of {@code run}: one JSON object per step, each on its own line, flushed at once. */
final class JsonLines {
    private final PrintWriter out;

    JsonLines(PrintWriter out) {
        this.out = out;
    }

    /** A result line; nothing is written when the result cannot be written as JSON (that throws). */
    void result(int step, String call, Object result) {
        Map<String, Object> line = start(step, call);
        line.put("result", result);
        write(Json.write(line));
    }

    /** An error line; {@code call} is null for step 0 (the file itself, or the --db connection). */
    void error(int step, String call, Throwable failure) {
        Map<String, Object> line = start(step, call);
        line.put("error", errorObject(failure));
        write(Json.write(line));
    }

    /** {@code {code, message}} for any failure: the core's own code, or one that fits a plain Java exception. */
    static Map<String, Object> errorObject(Throwable failure) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (failure instanceof Error e) {
            error.put("code", ErrorCode.INVALID_ARGUMENT.name());
            error.put("message", whatRanOut(e));
        } else if (failure instanceof TablewrightException t) {
            error.put("code", t.code().name());
            error.put("message", t.getMessage());
        } else {
            // Not the core's own failure: most likely a value of the wrong kind reaching a method,
            // else something the database layer threw. Either way a person gets a message, not a trace.
            boolean argument = failure instanceof IllegalArgumentException || failure instanceof ClassCastException
                    || failure instanceof DateTimeException || failure instanceof IndexOutOfBoundsException;
            error.put("code", (argument ? ErrorCode.INVALID_ARGUMENT : ErrorCode.SQL_ERROR).name());
            String message = failure.getMessage();
            error.put("message", failure.getClass().getSimpleName() + (message == null ? "" : ": " + message));
        }
        return error;
    }

    /** What a person can do when Java itself gave up: the file or a value is too big or too deep. */
    static String whatRanOut(Error e) {
        if (e instanceof OutOfMemoryError) {
            return "Out of memory: the call file or one of its values is too big for the memory Java was given ("
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB). Split the file, or give Java more memory"
                    + " (for example JAVA_TOOL_OPTIONS=-Xmx4g).";
        }
        if (e instanceof StackOverflowError) {
            return "A value in the call file is nested too deeply to read; flatten it.";
        }
        return "Java stopped with " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ".";
    }

    private static Map<String, Object> start(int step, String call) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", step);
        if (call != null) {
            line.put("call", call);
        }
        return line;
    }

    private void write(String text) {
        out.println(text);
        out.flush();
    }
}
