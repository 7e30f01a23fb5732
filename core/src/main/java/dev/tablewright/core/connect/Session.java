package dev.tablewright.core.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.Dialects;
import dev.tablewright.core.dialect.SqlStatement;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

/** One open connection pool with its dialect: where every statement of the core runs. */
public final class Session implements AutoCloseable {
    private final ConnectOptions options;
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final ConnectionWatch watch;

    private Session(ConnectOptions options, Dialect dialect, HikariDataSource pool, ConnectionWatch watch) {
        this.options = options;
        this.dialect = dialect;
        this.pool = pool;
        this.watch = watch;
    }

    /** Opens the pool and checks the connection; {@code CONNECTION_FAILED} with the reason otherwise. */
    public static Session open(ConnectOptions options) {
        return open(options, new ConnectionWatch());
    }

    /**
     * Opens the pool and checks the connection; afterwards its calls tell {@code watch} when they
     * find the database gone and when they work again.
     */
    public static Session open(ConnectOptions options, ConnectionWatch watch) {
        Dialect dialect = Dialects.named(options.dialect());
        HikariConfig config = new HikariConfig();
        config.setPoolName("tablewright-" + dialect.name());
        config.setConnectionTimeout(10_000);
        // Try once when opening: a wrong host or password fails at once with the real reason.
        config.setInitializationFailTimeout(1);
        PoolSettings.configure(config, dialect, options);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new TablewrightException(ErrorCode.CONNECTION_FAILED, "Could not connect to " + describe(options) + ": " + rootMessage(e)
                    + ". Check the host, port, database name, user and password.", e);
        }
        try (Connection c = pool.getConnection()) {
            if (!c.isValid(5)) {
                throw new SQLException("the database did not answer");
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new TablewrightException(ErrorCode.CONNECTION_FAILED,
                    "Could not connect to " + describe(options) + ": " + rootMessage(e), e);
        }
        return new Session(options, dialect, pool, watch);
    }

    private static String describe(ConnectOptions o) {
        return o.dialect().equals("sqlite") ? "SQLite file " + o.database()
                : o.dialect() + " at " + (o.host() == null ? "localhost" : o.host()) + (o.port() == null ? "" : ":" + o.port())
                + (o.database() == null ? "" : "/" + o.database());
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    public Dialect dialect() {
        return dialect;
    }

    public ConnectOptions options() {
        return options;
    }

    public boolean isOpen() {
        return !pool.isClosed();
    }

    /** The name {@code $USER} stands for. */
    public String user() {
        if (options.applicationUser() != null) {
            return options.applicationUser();
        }
        return options.username() != null ? options.username() : System.getProperty("user.name");
    }

    public boolean ping() {
        try (Connection c = pool.getConnection()) {
            if (c.isValid(5)) {
                watch.succeeded();
                return true;
            }
            lost(new TablewrightException(ErrorCode.CONNECTION_FAILED, "The database does not answer."));
            return false;
        } catch (SQLException e) {
            lost(new TablewrightException(ErrorCode.CONNECTION_FAILED, "Lost the connection to the database: " + rootMessage(e), e));
            return false;
        }
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs work on a pooled connection in autocommit mode. */
    public <T> T withConnection(Work<T> work) {
        try (Connection c = connection()) {
            T result = work.run(c);
            watch.succeeded();
            return result;
        } catch (SQLException e) {
            throw translate(e, ErrorCode.SQL_ERROR);
        }
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        return transaction(null, null, work);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    /**
     * A connection the server dropped cannot be reset either; that second failure must not hide
     * the first, which says why the work failed.
     */
    private static void restoreAutoCommit(Connection c, Exception failure) throws SQLException {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private Connection connection() throws SQLException {
        if (pool.isClosed()) {
            throw new TablewrightException(ErrorCode.NOT_CONNECTED, "The connection is closed: call create first.");
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            TablewrightException lost = new TablewrightException(ErrorCode.CONNECTION_FAILED,
                    "Lost the connection to the database: " + rootMessage(e), e);
            lost(lost);
            throw lost;
        }
    }

    /**
     * Told of every write the workbench makes, in its transaction: history uses it to record who
     * made the change ({@code $USER}).
     */
    public interface WriteHook {
        /** Before the write; returns what {@link #after} needs. */
        Object before(Connection connection, String table) throws SQLException;

        void after(Connection connection, String table, Object token) throws SQLException;

        /** Always, after the transaction ends, on the same connection. */
        default void cleanup(Connection connection, String table, Object token) {
        }

        /** Runs a bulk insert of rows of {@code table}, inside a write transaction. */
        default <T> T bulkInsert(Connection connection, String table, BulkWork<T> insertion) throws SQLException {
            return insertion.run(connection, null);
        }
    }

    /** A bulk insert; {@code written}, when not null, is told every batch it writes. */
    @FunctionalInterface
    public interface BulkWork<T> {
        T run(Connection connection, RowsWritten written) throws SQLException;
    }

    /**
     * Told, right after each batch of a bulk insert, the rows it wrote: the columns, and each row's
     * values in that order as they were bound (canonical values of the columns' logical types).
     */
    @FunctionalInterface
    public interface RowsWritten {
        void batch(List<String> columns, List<Object[]> rows) throws SQLException;
    }

    private volatile WriteHook writeHook;

    public void writeHook(WriteHook hook) {
        this.writeHook = hook;
    }

    /** A bulk insert inside a write transaction: the write hook may wrap it. */
    public <T> T bulkInsert(Connection connection, String table, BulkWork<T> insertion) throws SQLException {
        WriteHook hook = writeHook;
        return hook == null ? insertion.run(connection, null) : hook.bulkInsert(connection, table, insertion);
    }

    /** A transaction that writes rows of {@code table}: the write hook sees it. */
    public <T> T inWriteTransaction(String table, Work<T> work) {
        return transaction(writeHook, table, work);
    }

    private <T> T transaction(WriteHook hook, String table, Work<T> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            Object token = null;
            Exception failure = null;
            try {
                token = hook == null ? null : hook.before(c, table);
                T result = work.run(c);
                if (hook != null) {
                    hook.after(c, table, token);
                }
                c.commit();
                watch.succeeded();
                return result;
            } catch (SQLException | RuntimeException e) {
                failure = e;
                rollbackQuietly(c, e);
                throw e;
            } finally {
                restoreAutoCommit(c, failure);
                if (hook != null) {
                    hook.cleanup(c, table, token);
                }
            }
        } catch (SQLException e) {
            throw translate(e, ErrorCode.SQL_ERROR);
        }
    }

    /**
     * Maps a database error to the contract's codes; {@code fallback} when it names none. An error
     * that says the connection is gone is {@code CONNECTION_FAILED}, and the watch is told of it.
     */
    public TablewrightException translate(SQLException e, ErrorCode fallback) {
        ErrorCode code = dialect.classify(e);
        if (code == null && isConnectionException(e)) {
            code = ErrorCode.CONNECTION_FAILED;
        }
        String message = dialect.databaseSaid(e);
        if (code == null) {
            TablewrightException plain = new TablewrightException(fallback, message, e);
            if (causedByConnectionException(e)) {
                lost(plain);
            }
            return plain;
        }
        String advice = switch (code) {
            case UNIQUE_VIOLATION -> "Another row already has this value; use a different value, or upsertRow to update that row. ";
            case NOT_NULL_VIOLATION -> "A required field has no value; give it one. ";
            case FOREIGN_KEY_VIOLATION -> "The value does not match a row of the referenced table, or other rows still refer to this one. ";
            case CONNECTION_FAILED -> "The database connection failed. ";
            case DATABASE_BUSY -> "Another connection or program is writing to this database and did not finish within "
                    + PoolSettings.SQLITE_BUSY_TIMEOUT_MS / 1000 + " seconds (SQLite lets one writer in at a time); try again when it is done,"
                    + " or close the other program's unfinished change. Nothing was written. ";
            default -> "";
        };
        TablewrightException mapped = new TablewrightException(code, advice + "(database said: " + message.strip() + ")", e);
        if (code == ErrorCode.CONNECTION_FAILED) {
            lost(mapped);
        }
        return mapped;
    }

    /**
     * Drops the pool's idle connections too: the server that closed one closed them all, and each
     * would otherwise fail one more call after the server is back.
     */
    private void lost(TablewrightException failure) {
        var bean = pool.getHikariPoolMXBean();
        if (bean != null && !watch.isLost()) {
            bean.softEvictConnections();
        }
        watch.failed(failure);
    }

    /**
     * The SQL state says it when there is one (class 08 is "connection exception"); the exception's
     * class only when there is none, because MariaDB's driver also throws its connection classes
     * for mistakes in the statement (a parameter not set), which must not read as a lost connection.
     */
    private static boolean isConnectionException(SQLException e) {
        String state = e.getSQLState();
        if (state != null && !state.isEmpty()) {
            return state.startsWith("08");
        }
        return e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException;
    }

    /** Looks through wrappers (a failed statement of a script carries the driver's error as its cause). */
    private static boolean causedByConnectionException(SQLException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && isConnectionException(sql)) {
                return true;
            }
        }
        return false;
    }

    /** Prepares a statement and binds its parameters by their Java type. */
    public PreparedStatement prepare(Connection c, SqlStatement statement) throws SQLException {
        PreparedStatement ps = c.prepareStatement(statement.sql());
        bindAll(ps, statement.params());
        return ps;
    }

    public void bindAll(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof TypedValue tv) {
                dialect.bind(ps, i + 1, tv.type(), tv.value());
            } else {
                dialect.bind(ps, i + 1, LogicalType.STRING, plain(p));
            }
        }
    }

    /** Raw-SQL parameters: JSON numbers as Long/Double, objects and arrays as JSON text. */
    private static Object plain(Object p) {
        Object v = Json.normalize(p);
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            return Json.write(v);
        }
        if (v instanceof Number n && !(v instanceof Long) && !(v instanceof Double)) {
            return n instanceof Float || n instanceof BigDecimal ? (Object) n.doubleValue() : (Object) n.longValue();
        }
        return v;
    }

    /** A parameter value with the logical type of the column it goes to. */
    public record TypedValue(LogicalType type, Object value) {
    }

    @Override
    public void close() {
        pool.close();
    }
}
