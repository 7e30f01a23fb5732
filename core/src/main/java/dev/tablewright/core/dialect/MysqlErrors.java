package dev.tablewright.core.dialect;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a MySQL or MariaDB error means for the contract, and how its text reads to a person. */
final class MysqlErrors {
    /**
     * A duplicate under an {@link MysqlDialect#exactUniqueKey exact key}, as the server shows it: the
     * value, a dash and its length, for the key of the hidden column's name (MySQL puts the table's
     * name before it).
     */
    private static final Pattern EXACT_KEY_DUPLICATE = Pattern.compile(
            "Duplicate entry '(.*)-[0-9]+' for key '([^']*\\.)?" + Pattern.quote(InternalNames.exactKeyColumn("")) + "([^']*)'", Pattern.DOTALL);

    private MysqlErrors() {
    }

    static ErrorCode classify(SQLException e) {
        return switch (e.getErrorCode()) {
            case 1062, 1586 -> ErrorCode.UNIQUE_VIOLATION;
            case 1048, 1364 -> ErrorCode.NOT_NULL_VIOLATION;
            case 1451, 1452, 1216, 1217, 3730 -> ErrorCode.FOREIGN_KEY_VIOLATION;
            case 1045, 1049, 2002, 2003, 2005, 2006, 2013 -> ErrorCode.CONNECTION_FAILED;
            default -> null;
        };
    }

    /** {@code said} with a duplicate under an exact key told as under the column's own key: the value and the field. */
    static String withoutExactKey(SQLException e, String said) {
        Matcher m = e.getErrorCode() == 1062 ? EXACT_KEY_DUPLICATE.matcher(said) : null;
        if (m != null && m.find()) {
            return said.substring(0, m.start()) + "Duplicate entry '" + m.group(1) + "' for key '" + m.group(3) + "'" + said.substring(m.end());
        }
        return said;
    }
}
