package dev.tablewright.core.sql;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.lex.SqlFlavor;
import dev.tablewright.core.lex.SqlLexer;
import dev.tablewright.core.lex.SqlToken;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The raw-SQL API: query, queryOne, exec and batch, with every parameter bound. */
public final class RawSql {
    private static final Pattern PRAGMA_WITH_PARAMETER = Pattern.compile("(?is)\\s*PRAGMA\\s+([A-Za-z_]+)\\s*\\(\\s*\\?\\s*\\)\\s*;?\\s*");

    private static final ObjectMapper TYPED = Json.MAPPER.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Session session;
    private final Dialect dialect;

    public RawSql(Session session) {
        this.session = session;
        this.dialect = session.dialect();
    }

    /** One statement in a batch. */
    public record Statement(String sql, List<Object> params) {
    }

    public QueryResult query(String sql, List<?> params) {
        return query(sql, params, CancelHook.none());
    }

    /**
     * {@link #query(String, List)} that {@code hook} can cancel from another thread. A cancelled
     * call throws {@link CancellationException} and leaves the database as it was (the statement
     * runs on its own in autocommit, and the database undoes a statement it stops).
     */
    public QueryResult query(String sql, List<?> params, CancelHook hook) {
        requireSql(sql);
        Canceller canceller = new Canceller(hook);
        try {
            return session.withConnection(c -> run(c, sql, params, canceller, 0, -1).result());
        } catch (TablewrightException e) {
            throw canceller.explain(e);
        }
    }

    /**
     * A page of a query's rows: from {@code offset}, at most {@code limit}, so that a grid shows the
     * first rows at once and asks for more as the user scrolls. A statement that only reads runs
     * again for each page with the driver's row limit (offset + limit + 1 rows, the first offset
     * skipped), so no connection stays taken between pages; one that writes (INSERT ... RETURNING)
     * runs once, and its first page holds all its rows. Cancelled as {@link #query(String, List, CancelHook)}.
     */
    public ResultPage queryPage(String sql, List<?> params, long offset, int limit, CancelHook hook) {
        requireSql(sql);
        if (offset < 0 || limit < 1) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "A page needs offset >= 0 and limit >= 1 (got offset "
                    + offset + ", limit " + limit + ").");
        }
        boolean rereadable = isReadOnly(sql);
        if (offset > 0 && !rereadable) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "This statement writes, so it is not run again for a later page;"
                    + " its first page held all its rows. The statement: " + abbreviate(sql));
        }
        Canceller canceller = new Canceller(hook);
        try {
            return session.withConnection(c -> rereadable ? run(c, sql, params, canceller, offset, limit)
                    : run(c, sql, params, canceller, 0, -1));
        } catch (TablewrightException e) {
            throw canceller.explain(e);
        }
    }

    /** Statements that only read, so running one again for another page changes nothing. */
    static boolean isReadOnly(String sql) {
        String w = firstWord(sql);
        if (w.equals("SELECT") || w.equals("VALUES") || w.equals("TABLE") || w.equals("SHOW") || w.equals("DESCRIBE")
                || w.equals("DESC")) {
            return !mentionsWord(sql, "INTO") && !mentionsWord(sql, "NEXTVAL");
        }
        if (w.equals("WITH")) {
            // PostgreSQL's WITH may hold INSERT/UPDATE/DELETE; a mention anywhere (even in a string) is enough to be careful.
            return !mentionsWord(sql, "INSERT") && !mentionsWord(sql, "UPDATE") && !mentionsWord(sql, "DELETE")
                    && !mentionsWord(sql, "MERGE") && !mentionsWord(sql, "INTO") && !mentionsWord(sql, "NEXTVAL");
        }
        return false;
    }

    private static boolean mentionsWord(String sql, String word) {
        String upper = sql.toUpperCase(Locale.ROOT);
        int at = upper.indexOf(word);
        while (at >= 0) {
            int end = at + word.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(upper.charAt(at - 1)) && upper.charAt(at - 1) != '_';
            boolean endsWord = end == upper.length() || !Character.isLetterOrDigit(upper.charAt(end)) && upper.charAt(end) != '_';
            if (startsWord && endsWord) {
                return true;
            }
            at = upper.indexOf(word, at + 1);
        }
        return false;
    }

    /**
     * Connects a {@link CancelHook} to the statement running at the moment: cancelling before a
     * statement starts stops it from starting, cancelling during one calls {@code Statement.cancel()}.
     */
    private static final class Canceller {
        private java.sql.Statement running;
        private boolean cancelled;

        Canceller(CancelHook hook) {
            hook.onCancel(this::cancel);
        }

        private synchronized void cancel() {
            cancelled = true;
            if (running != null) {
                try {
                    running.cancel();
                } catch (SQLException ignored) {
                    // The statement ended meanwhile: nothing is left to stop.
                }
            }
        }

        synchronized void attach(java.sql.Statement statement) throws SQLException {
            if (cancelled) {
                throw new SQLException("Cancelled before the statement started.");
            }
            running = statement;
        }

        synchronized void detach() {
            running = null;
        }

        synchronized boolean isCancelled() {
            return cancelled;
        }

        /** A failure after a cancel is the cancel: the database stopped the statement because we asked. */
        RuntimeException explain(TablewrightException failure) {
            if (!isCancelled()) {
                return failure;
            }
            CancellationException e = new CancellationException("The statement was cancelled; the database undid what it had done.");
            e.initCause(failure);
            return e;
        }
    }

    public Map<String, Object> queryOne(String sql, List<?> params) {
        List<Map<String, Object>> rows = query(sql, params).results();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The first row mapped onto a Java type (a record, say); columns without a matching component are ignored. */
    public <T> T queryOne(String sql, List<?> params, Class<T> type) {
        Map<String, Object> row = queryOne(sql, params);
        if (row == null) {
            return null;
        }
        try {
            return TYPED.convertValue(row, type);
        } catch (IllegalArgumentException e) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "The row does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a script of one or more statements, split where the dialect would split it. Without
     * transaction statements of its own, the script runs in one transaction (all or none where the
     * database's DDL is transactional); with them, it runs as written.
     */
    public Map<String, Object> exec(String script) {
        requireSql(script);
        List<String> statements = ScriptSplitter.split(script, dialect.scriptFlavor());
        boolean ownTransactions = statements.stream().anyMatch(RawSql::isTransactionControl);
        Session.Work<Integer> work = c -> {
            int n = 0;
            try (java.sql.Statement st = c.createStatement()) {
                for (String s : statements) {
                    try {
                        st.execute(s);
                    } catch (SQLException e) {
                        throw new StatementFailure(n, statements.size(), s, e);
                    }
                    n++;
                }
            }
            return n;
        };
        boolean asWritten = ownTransactions || !dialect.transactionalDdl() && isDdlScript(statements);
        try {
            int count = asWritten ? session.withConnection(work) : session.inTransaction(work);
            return Map.of("count", count);
        } catch (TablewrightException e) {
            if (e.getCause() instanceof StatementFailure f) {
                TablewrightException mapped = session.translate(f.cause(), ErrorCode.SQL_ERROR);
                String applied = f.index == 0 || !asWritten ? " Nothing was applied."
                        : ownTransactions ? " The script runs its own transactions: what it committed before this statement stays."
                        : " The " + (f.index == 1 ? "statement" : f.index + " statements") + " before it stay applied: this database"
                        + " cannot undo changes to tables, so a script that changes them runs statement by statement.";
                throw new TablewrightException(mapped.code(), "Statement " + (f.index + 1) + " of " + f.total + " failed: "
                        + dialect.databaseSaid(f.cause()).strip() + "." + applied + " The statement: " + abbreviate(f.sql), f.cause());
            }
            throw e;
        }
    }

    /** A failure carrying which statement of a script failed; unwrapped in exec. */
    private static final class StatementFailure extends SQLException {
        final int index;
        final int total;
        final String sql;

        StatementFailure(int index, int total, String sql, SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
            this.index = index;
            this.total = total;
            this.sql = sql;
        }

        SQLException cause() {
            return (SQLException) getCause();
        }
    }

    private static String abbreviate(String sql) {
        String one = sql.replaceAll("\\s+", " ").trim();
        return one.length() > 200 ? one.substring(0, 197) + "..." : one;
    }

    private static boolean isDdlScript(List<String> statements) {
        return statements.stream().anyMatch(s -> {
            String w = firstWord(s);
            return w.equals("CREATE") || w.equals("ALTER") || w.equals("DROP") || w.equals("TRUNCATE") || w.equals("RENAME");
        });
    }

    private static boolean isTransactionControl(String statement) {
        String w = firstWord(statement);
        return w.equals("BEGIN") || w.equals("COMMIT") || w.equals("ROLLBACK") || w.equals("END") || w.equals("SAVEPOINT")
                || w.equals("RELEASE") || w.equals("START") && statement.toUpperCase(Locale.ROOT).contains("TRANSACTION");
    }

    static String firstWord(String statement) {
        String s = statement.stripLeading();
        while (s.startsWith("--") || s.startsWith("/*")) {
            int end = s.startsWith("--") ? s.indexOf('\n') : s.indexOf("*/");
            if (end < 0) {
                return "";
            }
            s = s.substring(end + (s.startsWith("--") ? 1 : 2)).stripLeading();
        }
        int i = 0;
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i).toUpperCase(Locale.ROOT);
    }

    /** Runs the statements in one transaction: all or none. */
    public List<QueryResult> batch(List<Statement> statements) {
        return batch(statements, CancelHook.none());
    }

    /**
     * {@link #batch(List)} that {@code hook} can cancel from another thread: a cancelled batch throws
     * {@link CancellationException} and its transaction is rolled back, so none of it is applied.
     */
    public List<QueryResult> batch(List<Statement> statements, CancelHook hook) {
        if (statements == null || statements.isEmpty()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "batch needs a list of statements {sql, params}.");
        }
        statements.forEach(s -> requireSql(s == null ? null : s.sql()));
        Canceller canceller = new Canceller(hook);
        try {
            return session.inTransaction(c -> {
                List<QueryResult> out = new ArrayList<>();
                for (int i = 0; i < statements.size(); i++) {
                    try {
                        out.add(run(c, statements.get(i).sql(), statements.get(i).params(), canceller, 0, -1).result());
                    } catch (SQLException e) {
                        throw new StatementFailure(i, statements.size(), statements.get(i).sql(), e);
                    }
                }
                return out;
            });
        } catch (TablewrightException e) {
            if (canceller.isCancelled()) {
                throw canceller.explain(e);
            }
            if (e.getCause() instanceof StatementFailure f) {
                TablewrightException mapped = session.translate(f.cause(), ErrorCode.SQL_ERROR);
                throw new TablewrightException(mapped.code(), "Statement " + (f.index + 1) + " of " + f.total + " failed, so none was applied: "
                        + dialect.databaseSaid(f.cause()).strip(), f.cause());
            }
            throw e;
        }
    }

    private static void requireSql(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "No SQL given.");
        }
    }

    /** Runs one statement; with {@code limit} &gt;= 0 it skips {@code offset} rows and reads at most {@code limit}. */
    private ResultPage run(Connection c, String written, List<?> params, Canceller canceller, long offset, int limit) throws SQLException {
        long start = System.nanoTime();
        String sql = dialect.scriptFlavor() == SqlFlavor.SQLITE ? pragmaAsTableFunction(written) : written;
        boolean keys = dialect.rawGeneratedKeys();
        requireOneParameterPerPlaceholder(sql, params == null ? 0 : params.size());
        try (PreparedStatement ps = keys ? c.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql)) {
            session.bindAll(ps, params == null ? List.of() : new ArrayList<>(params));
            if (limit >= 0) {
                // One row beyond the page tells whether more follow; the database stops there.
                ps.setMaxRows((int) Math.min(Integer.MAX_VALUE, offset + limit + 1));
            }
            boolean hasRows;
            canceller.attach(ps);
            try {
                hasRows = ps.execute();
            } finally {
                canceller.detach();
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            long changes = 0;
            boolean more = false;
            if (hasRows) {
                try (ResultSet rs = ps.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        columns.add(md.getColumnLabel(i));
                    }
                    canceller.attach(ps);
                    try {
                        long skipped = 0;
                        while (skipped < offset && rs.next()) {
                            skipped++;
                        }
                        while (rs.next()) {
                            if (limit >= 0 && rows.size() == limit) {
                                more = true;
                                break;
                            }
                            rows.add(readRow(rs, md, columns));
                        }
                    } finally {
                        canceller.detach();
                    }
                }
            } else {
                changes = Math.max(0, ps.getUpdateCount());
            }
            Object lastRowId = null;
            if (!hasRows && changes > 0 && firstWord(sql).matches("INSERT|REPLACE")) {
                if (keys) {
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        lastRowId = rs.next() ? rs.getObject(1) : null;
                    }
                    if (lastRowId instanceof Number n) {
                        lastRowId = n.longValue();
                    }
                } else {
                    lastRowId = dialect.lastInsertRowId(c);
                }
            }
            double ms = (System.nanoTime() - start) / 1_000_000.0;
            QueryResult result = new QueryResult(rows, new QueryResult.Meta(changes, lastRowId, Math.round(ms * 1000) / 1000.0, columns));
            return new ResultPage(result, offset, more, limit >= 0);
        }
    }

    private Map<String, Object> readRow(ResultSet rs, ResultSetMetaData md, List<String> columns) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns.size(); i++) {
            row.put(columns.get(i - 1), readValue(rs, md, i));
        }
        return row;
    }

    /** A raw column as a plain value: numbers, booleans, instants for timestamps, parsed JSON. */
    private Object readValue(ResultSet rs, ResultSetMetaData md, int i) throws SQLException {
        String typeName = String.valueOf(md.getColumnTypeName(i)).toLowerCase(Locale.ROOT);
        int type = md.getColumnType(i);
        if (typeName.equals("json") || typeName.equals("jsonb")) {
            return dialect.read(rs, i, LogicalType.JSON);
        }
        switch (type) {
            case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE:
                return dialect.read(rs, i, LogicalType.DATE);
            case Types.BIT, Types.BOOLEAN:
                if (md.getPrecision(i) <= 1) {
                    Object b = rs.getObject(i);
                    return b == null ? null : b instanceof Boolean bool ? bool : ((Number) b).intValue() != 0;
                }
                break;
            default:
                break;
        }
        Object v = rs.getObject(i);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b.toString();
        }
        if (v instanceof BigDecimal d) {
            return d.scale() <= 0 && d.precision() < 19 ? (Object) d.longValueExact() : (Object) d.doubleValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (v instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (v instanceof Long || v instanceof Double || v instanceof String || v instanceof Boolean || v instanceof byte[]) {
            return v;
        }
        if (v instanceof Array a) {
            return Arrays.asList((Object[]) a.getArray());
        }
        return rs.getString(i);
    }

    /**
     * Refuses a statement given fewer or more parameters than its {@code ?} placeholders, before it
     * runs: SQLite would run it with the missing ones null, MariaDB's driver calls it a lost
     * connection. Placeholders are read by the lexer, so a {@code ?} in a string or comment is not
     * one; SQL that numbers or names its parameters ({@code ?1}, {@code :name}, {@code $1}) is left
     * to the driver, as is PostgreSQL's {@code ??} (a literal question mark).
     */
    private void requireOneParameterPerPlaceholder(String sql, int given) {
        if (sql == null) {
            return;
        }
        int placeholders = 0;
        SqlToken previous = null;
        for (SqlToken t : SqlLexer.tokens(sql, dialect.scriptFlavor())) {
            if (t.kind() == SqlToken.Kind.PARAMETER) {
                String text = t.text(sql);
                if (!text.equals("?") && ":$?".indexOf(text.charAt(0)) >= 0) {
                    return;
                }
                if (text.equals("?")) {
                    boolean escaped = previous != null && previous.kind() == SqlToken.Kind.PARAMETER && previous.end() == t.start()
                            && dialect.scriptFlavor() == SqlFlavor.POSTGRES;
                    placeholders += escaped ? -1 : 1;
                }
            }
            previous = t;
        }
        if (placeholders != given) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "The statement has " + placeholders + " placeholder"
                    + (placeholders == 1 ? "" : "s") + " (?) but " + given + " parameter" + (given == 1 ? " was" : "s were")
                    + " given: give one value per ?, in order.");
        }
    }

    /**
     * SQLite cannot bind a parameter in {@code PRAGMA table_info(?)}, the reference's own example;
     * the same pragma as a table-valued function can, and gives the same rows.
     */
    static String pragmaAsTableFunction(String sql) {
        Matcher m = sql == null ? null : PRAGMA_WITH_PARAMETER.matcher(sql);
        return m != null && m.matches() ? "SELECT * FROM pragma_" + m.group(1).toLowerCase(Locale.ROOT) + "(?)" : sql;
    }
}
