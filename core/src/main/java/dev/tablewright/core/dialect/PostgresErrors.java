package dev.tablewright.core.dialect;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PostgreSQL said, told without what must not reach a person's screen: the driver's text
 * around it ("Batch entry 3 INSERT INTO … was aborted", "Call getNextException"), the values of
 * the row (a constraint's detail quotes them), and the internal statement it happened in
 * ({@code COPY people, line 51} becomes "row 51").
 */
final class PostgresErrors {
    private static final Pattern KEY_DETAIL = Pattern.compile("(?s)Key \\((.*?)\\)=\\(.*\\) (already exists|is not present in table \"([^\"]*)\"|is still referenced from table \"([^\"]*)\")\\.?");
    private static final Pattern COPY_LINE = Pattern.compile("COPY [^,]+, line (\\d+)");
    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d+) ");

    private PostgresErrors() {
    }

    static String describe(SQLException e) {
        SQLException server = e;
        Integer row = null;
        if (e instanceof BatchUpdateException && e.getNextException() != null) {
            Matcher entry = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
            row = entry.find() ? Integer.parseInt(entry.group(1)) + 1 : null;
            server = e.getNextException();
        }
        if (!(server instanceof PSQLException pg) || pg.getServerErrorMessage() == null) {
            return String.valueOf(server.getMessage());
        }
        ServerErrorMessage m = pg.getServerErrorMessage();
        StringBuilder out = new StringBuilder(String.valueOf(m.getMessage()));
        Matcher key = m.getDetail() == null ? null : KEY_DETAIL.matcher(m.getDetail());
        if (key != null && key.matches()) {
            String fields = key.group(1);
            if (key.group(3) != null) {
                out.append(": the value of ").append(fields).append(" matches no row of ").append(key.group(3));
            } else if (key.group(4) != null) {
                out.append(": rows of ").append(key.group(4)).append(" still refer to this row by ").append(fields);
            } else {
                out.append(": another row already has this value of ").append(fields);
            }
        }
        Matcher copy = m.getWhere() == null ? null : COPY_LINE.matcher(m.getWhere());
        if (copy != null && copy.find()) {
            row = Integer.parseInt(copy.group(1));
        }
        if (row != null) {
            out.append(" (row ").append(row).append(" of the rows given)");
        }
        return out.toString();
    }
}
