package dev.tablewright.core.dialect;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The one place a dialect's name (as people and call files write it) becomes a {@link Dialect}. */
public final class Dialects {
    /** The canonical names, in the order they are offered. */
    public static final List<String> NAMES = List.of("sqlite", "postgres", "mysql", "mariadb");

    private Dialects() {
    }

    /** The canonical name of a dialect written as sqlite/sqlite3, postgres/postgresql/pg, mysql or mariadb. */
    public static String canonicalName(String name) {
        if (name == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "No dialect given: use sqlite, postgres, mysql or mariadb.");
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "sqlite", "sqlite3" -> "sqlite";
            case "postgres", "postgresql", "pg" -> "postgres";
            case "mysql" -> "mysql";
            case "mariadb" -> "mariadb";
            default -> throw new TablewrightException(ErrorCode.INVALID_ARGUMENT,
                    "Unknown dialect '" + name + "': use sqlite, postgres, mysql or mariadb.");
        };
    }

    /**
     * The dialects to show SQL for beside a connection's: its own first, then one of each other
     * family (MySQL and MariaDB are one family: the connection's member stands for it).
     */
    public static List<String> previewNames(String current) {
        String own = canonicalName(current);
        String mysqlFamily = own.equals("mysql") ? "mysql" : "mariadb";
        return Stream.of(own, "sqlite", "postgres", mysqlFamily).distinct().toList();
    }

    /** The dialect of that name (any spelling {@link #canonicalName} takes). */
    public static Dialect named(String name) {
        return switch (canonicalName(name)) {
            case "sqlite" -> new SqliteDialect();
            case "postgres" -> new PostgresDialect();
            case "mysql" -> new MysqlDialect(false);
            default -> new MysqlDialect(true);
        };
    }
}
