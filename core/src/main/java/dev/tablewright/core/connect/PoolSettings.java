package dev.tablewright.core.connect;

import com.zaxxer.hikari.HikariConfig;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.MysqlDialect;
import dev.tablewright.core.dialect.PostgresDialect;
import dev.tablewright.core.dialect.SqliteDialect;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;

/**
 * How each dialect's connection pool is set up: the JDBC URL, the driver and the driver settings
 * that matter for speed and correctness (shared/notes/jdbc-performance.md measured what they cost
 * when missed). Kept here, not in the dialects, so the SQL side knows nothing of pooling.
 */
final class PoolSettings {
    /** How long a SQLite write waits for another writer to finish before it is DATABASE_BUSY. */
    static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

    private PoolSettings() {
    }

    static void configure(HikariConfig config, Dialect dialect, ConnectOptions options) {
        if (dialect instanceof SqliteDialect) {
            sqlite(config, options);
        } else if (dialect instanceof PostgresDialect) {
            postgres(config, options);
        } else {
            mysql(config, options, ((MysqlDialect) dialect).isMariaDb());
        }
    }

    private static void sqlite(HikariConfig config, ConnectOptions options) {
        String file = options.database() == null ? ":memory:" : options.database();
        boolean memory = file.equals(":memory:") || file.isEmpty();
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.setDriverClassName("org.sqlite.JDBC");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS));
        if (!memory && !holdsData(file)) {
            // WAL is written into the file's header and stays: a database we create gets it, one
            // that already holds data keeps the journal mode its owner chose (as other tools leave it).
            config.addDataSourceProperty("journal_mode", "WAL");
        }
        if (!memory) {
            config.addDataSourceProperty("synchronous", "NORMAL");
        }
        if (memory) {
            // Each connection to :memory: is its own database: keep exactly one, forever.
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
            config.setMaxLifetime(0);
            config.setIdleTimeout(0);
        } else {
            config.setMaximumPoolSize(4);
        }
    }

    /** Whether the SQLite file exists with content (a database someone made), not a new or empty file. */
    private static boolean holdsData(String file) {
        try {
            Path path = Path.of(file.startsWith("file:") ? file.substring("file:".length()).split("\\?")[0] : file);
            return Files.isRegularFile(path) && Files.size(path) > 0;
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    private static void postgres(HikariConfig config, ConnectOptions options) {
        String host = options.host() == null ? "localhost" : options.host();
        int port = options.port() == null ? 5432 : options.port();
        String db = options.database() == null ? "postgres" : options.database();
        config.setJdbcUrl("jdbc:postgresql://" + host + ":" + port + "/" + URLEncoder.encode(db, StandardCharsets.UTF_8));
        config.setDriverClassName("org.postgresql.Driver");
        if (options.username() != null) {
            config.setUsername(options.username());
        }
        if (options.password() != null) {
            config.setPassword(options.password());
        }
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "Tablewright");
        boolean ssl = Boolean.TRUE.equals(options.ssl());
        config.addDataSourceProperty("sslmode", ssl ? "require" : "prefer");
        // The driver gives the session the JVM's time zone; a column without a zone (timestamp) would
        // then be compared with a date in that zone. Dates without a zone are UTC here, as on MySQL.
        config.setConnectionInitSql("SET TIME ZONE 'UTC'");
        config.setMaximumPoolSize(4);
    }

    private static void mysql(HikariConfig config, ConnectOptions options, boolean mariadb) {
        String host = options.host() == null ? "localhost" : options.host();
        int port = options.port() == null ? 3306 : options.port();
        String db = options.database() == null ? "" : URLEncoder.encode(options.database(), StandardCharsets.UTF_8);
        boolean ssl = Boolean.TRUE.equals(options.ssl());
        if (mariadb) {
            config.setJdbcUrl("jdbc:mariadb://" + host + ":" + port + "/" + db);
            config.setDriverClassName("org.mariadb.jdbc.Driver");
            config.addDataSourceProperty("sslMode", ssl ? "trust" : "disable");
        } else {
            config.setJdbcUrl("jdbc:mysql://" + host + ":" + port + "/" + db);
            config.setDriverClassName("com.mysql.cj.jdbc.Driver");
            config.addDataSourceProperty("rewriteBatchedStatements", "true");
            config.addDataSourceProperty("sslMode", ssl ? "REQUIRED" : "DISABLED");
            config.addDataSourceProperty("allowPublicKeyRetrieval", "true");
            config.addDataSourceProperty("characterEncoding", "UTF-8");
        }
        if (options.username() != null) {
            config.setUsername(options.username());
        }
        if (options.password() != null) {
            config.setPassword(options.password());
        }
        config.setConnectionInitSql("SET time_zone = '+00:00', NAMES utf8mb4 COLLATE utf8mb4_bin");
        config.setMaximumPoolSize(4);
    }
}
