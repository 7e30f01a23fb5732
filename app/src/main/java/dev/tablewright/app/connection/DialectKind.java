package dev.tablewright.app.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.dialect.Dialects;

/**
 * The dialects a profile can name, with what the connection form needs to know about each: its
 * name in {@code create}, how people call it, whether it is a file or a server, and its usual port.
 */
public enum DialectKind {
    SQLITE("sqlite", "SQLite", true, 0, "SELECT 'SQLite ' || sqlite_version() AS version"),
    POSTGRES("postgres", "PostgreSQL", false, 5432, "SELECT 'PostgreSQL ' || current_setting('server_version') AS version"),
    MYSQL("mysql", "MySQL", false, 3306, "SELECT CONCAT(@@version_comment, ' ', VERSION()) AS version"),
    MARIADB("mariadb", "MariaDB", false, 3306, "SELECT CONCAT(@@version_comment, ' ', VERSION()) AS version");

    private final String id;
    private final String displayName;
    private final boolean fileBased;
    private final int defaultPort;
    private final String versionQuery;

    DialectKind(String id, String displayName, boolean fileBased, int defaultPort, String versionQuery) {
        this.id = id;
        this.displayName = displayName;
        this.fileBased = fileBased;
        this.defaultPort = defaultPort;
        this.versionQuery = versionQuery;
    }

    /** The dialect's name as {@code create} takes it, and as profiles store it. */
    @JsonValue
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** A file on this machine (no host, port, user or password), rather than a server. */
    public boolean isFileBased() {
        return fileBased;
    }

    /** The port the server listens on unless told otherwise; 0 for file databases. */
    public int defaultPort() {
        return defaultPort;
    }

    /**
     * A fixed query (no values) whose one column {@code version} names the server and its version,
     * for "Test connection": the core has no call for it.
     */
    public String versionQuery() {
        return versionQuery;
    }

    /** The dialect with this {@code create} name, in any spelling the core's {@link Dialects} accepts. */
    @JsonCreator
    public static DialectKind of(String id) {
        String canonical;
        try {
            canonical = Dialects.canonicalName(id);
        } catch (TablewrightException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        for (DialectKind kind : values()) {
            if (kind.id.equals(canonical)) {
                return kind;
            }
        }
        throw new IllegalStateException("The core names a dialect the app does not offer: " + canonical);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
