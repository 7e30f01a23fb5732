package dev.tablewright.core.sql;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the database said about a raw statement it refused, in a form an editor can show: the
 * contract's code, the database's own message, SQLSTATE and vendor code, and where in the
 * statement the problem is when the database says so.
 *
 * @param code       the contract's error code ({@code SQL_ERROR} for most refused statements)
 * @param message    the database's message, first line only
 * @param sqlState   the SQLSTATE, or null when the driver gives none
 * @param vendorCode the database's own error number (0 when it has none)
 * @param position   0-based index into the statement where the problem is, or -1 when unknown:
 *                   PostgreSQL reports one; for MySQL/MariaDB ("near '...' at line n") and
 *                   SQLite ("near "...": syntax error") it is where the quoted text is found
 */
public record SqlProblem(ErrorCode code, String message, String sqlState, int vendorCode, int position) {
    // pgjdbc appends "Position: n" (1-based) to the server's message.
    private static final Pattern PG_POSITION = Pattern.compile("\\n\\s*Position: (\\d+)");
    private static final Pattern MYSQL_NEAR = Pattern.compile("near '(.*)' at line (\\d+)", Pattern.DOTALL);
    private static final Pattern SQLITE_NEAR = Pattern.compile("near \"(.*?)\": syntax error");

    /** Reads a failure of a raw call on {@code statement}; any throwable is accepted. */
    public static SqlProblem of(Throwable failure, String statement) {
        ErrorCode code = failure instanceof TablewrightException t ? t.code() : ErrorCode.SQL_ERROR;
        SQLException sql = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException e) {
                sql = e;
                while (sql.getCause() instanceof SQLException inner && inner != sql) {
                    sql = inner;
                }
                break;
            }
        }
        if (sql == null) {
            String m = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            return new SqlProblem(code, m, null, 0, -1);
        }
        String full = sql.getMessage() == null ? sql.toString() : sql.getMessage();
        return new SqlProblem(code, firstLine(full), sql.getSQLState(), sql.getErrorCode(),
                statement == null ? -1 : position(full, statement));
    }

    private static String firstLine(String message) {
        String m = message.strip();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    static int position(String message, String statement) {
        Matcher pg = PG_POSITION.matcher(message);
        if (pg.find()) {
            int p = Integer.parseInt(pg.group(1)) - 1;
            return p >= 0 && p <= statement.length() ? p : -1;
        }
        Matcher my = MYSQL_NEAR.matcher(message);
        if (my.find()) {
            return near(statement, my.group(1), Integer.parseInt(my.group(2)));
        }
        Matcher lite = SQLITE_NEAR.matcher(message);
        if (lite.find()) {
            return near(statement, lite.group(1), 1);
        }
        return -1;
    }

    /** Where {@code fragment} (the start of what the database quoted) first occurs on or after line {@code line}. */
    private static int near(String statement, String fragment, int line) {
        int from = 0;
        for (int l = 1; l < line; l++) {
            int nl = statement.indexOf('\n', from);
            if (nl < 0) {
                break;
            }
            from = nl + 1;
        }
        if (fragment.isEmpty()) {
            return statement.stripTrailing().length();
        }
        // The server cuts what it quotes; the first line of it is enough to find the place.
        String probe = fragment.lines().findFirst().orElse(fragment);
        probe = probe.length() > 40 ? probe.substring(0, 40) : probe;
        int at = statement.indexOf(probe, from);
        if (at < 0) {
            at = statement.toLowerCase(Locale.ROOT).indexOf(probe.toLowerCase(Locale.ROOT), from);
        }
        return at;
    }
}
