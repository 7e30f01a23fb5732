package dev.tablewright.core.sql;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tablewright.core.ErrorCode;
import dev.tablewright.core.Json;
import dev.tablewright.core.TablewrightException;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.schema.LogicalType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The raw-SQL API: query, queryOne, exec and batch, with every parameter bound. */
public final class RawSql {
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
        requireSql(sql);
        return session.withConnection(c -> run(c, sql, params, 0));
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
        try {
            int count = ownTransactions || !dialect.transactionalDdl() && isDdlScript(statements)
                    ? session.withConnection(work) : session.inTransaction(work);
            return Map.of("count", count);
        } catch (TablewrightException e) {
            if (e.getCause() instanceof StatementFailure f) {
                TablewrightException mapped = session.translate(f.cause(), ErrorCode.SQL_ERROR);
                String applied = ownTransactions || !dialect.transactionalDdl()
                        ? " Statements before it may have been applied." : " Nothing was applied.";
                throw new TablewrightException(mapped.code(), "Statement " + (f.index + 1) + " of " + f.total + " failed: "
                        + f.cause().getMessage() + "." + applied + " The statement: " + abbreviate(f.sql), f.cause());
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
        if (statements == null || statements.isEmpty()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "batch needs a list of statements {sql, params}.");
        }
        statements.forEach(s -> requireSql(s == null ? null : s.sql()));
        try {
            return session.inTransaction(c -> {
                List<QueryResult> out = new ArrayList<>();
                for (int i = 0; i < statements.size(); i++) {
                    try {
                        out.add(run(c, statements.get(i).sql(), statements.get(i).params(), i));
                    } catch (SQLException e) {
                        throw new StatementFailure(i, statements.size(), statements.get(i).sql(), e);
                    }
                }
                return out;
            });
        } catch (TablewrightException e) {
            if (e.getCause() instanceof StatementFailure f) {
                TablewrightException mapped = session.translate(f.cause(), ErrorCode.SQL_ERROR);
                throw new TablewrightException(mapped.code(), "Statement " + (f.index + 1) + " of " + f.total + " failed, so none was applied: "
                        + f.cause().getMessage(), f.cause());
            }
            throw e;
        }
    }

    private static void requireSql(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "No SQL given.");
        }
    }

    private QueryResult run(Connection c, String sql, List<?> params, int index) throws SQLException {
        long start = System.nanoTime();
        boolean keys = dialect.rawGeneratedKeys();
        try (PreparedStatement ps = keys ? c.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql)) {
            session.bindAll(ps, params == null ? List.of() : new ArrayList<>(params));
            boolean hasRows = ps.execute();
            List<Map<String, Object>> rows = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            long changes = 0;
            if (hasRows) {
                try (ResultSet rs = ps.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        columns.add(md.getColumnLabel(i));
                    }
                    while (rs.next()) {
                        rows.add(readRow(rs, md, columns));
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
            return new QueryResult(rows, new QueryResult.Meta(changes, lastRowId, Math.round(ms * 1000) / 1000.0, columns));
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
        if (v instanceof java.math.BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b.toString();
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.scale() <= 0 && d.precision() < 19 ? (Object) d.longValueExact() : (Object) d.doubleValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof java.sql.Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (v instanceof java.sql.Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (v instanceof Long || v instanceof Double || v instanceof String || v instanceof Boolean || v instanceof byte[]) {
            return v;
        }
        if (v instanceof java.sql.Array a) {
            return java.util.Arrays.asList((Object[]) a.getArray());
        }
        return rs.getString(i);
    }
}
