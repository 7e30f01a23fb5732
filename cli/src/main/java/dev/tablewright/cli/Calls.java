package dev.tablewright.cli;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.callfile.CallFile;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.sql.RawSql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The functions a call file may name, each with its parameter names exactly as the reference
 * documents spell them, and the {@link Connector} method it runs. One row per function.
 */
final class Calls {

    /** Runs one function on the connector with its checked parameters; returns what the step prints. */
    @FunctionalInterface
    private interface Handler {
        Object invoke(Connector connector, Args args);
    }

    /**
     * @param required parameters that must be present and not null
     * @param optional parameters that may be left out
     * @param anyParameters true when the handler checks the names itself ({@code create})
     * @param handler       null for a function of the contract the core does not offer yet
     */
    private record Call(String name, List<String> required, List<String> optional, boolean anyParameters, Handler handler) {
        List<String> parameters() {
            List<String> all = new ArrayList<>(required);
            all.addAll(optional);
            return all;
        }
    }

    private static final Map<String, Call> CALLS = new LinkedHashMap<>();

    static {
        // Connection & database (heisenware-sql-connector.txt)
        add(new Call("create", List.of(), List.of(), true, (c, a) -> c.create(a.all())));
        add("isConnected", List.of(), List.of(), (c, a) -> c.isConnected());
        add("getAllTables", List.of(), List.of(), (c, a) -> c.getAllTables());
        add("reset", List.of(), List.of(), (c, a) -> c.reset());
        // Schema
        add("defineTable", List.of("name", "fields"), List.of("options"),
                (c, a) -> c.defineTable(a.string("name"), a.map("fields"), a.map("options")));
        add("getTableSchema", List.of("name"), List.of(), (c, a) -> c.getTableSchema(a.string("name")));
        add("deleteTable", List.of("name"), List.of(), (c, a) -> c.deleteTable(a.string("name")));
        add("renameTable", List.of("from", "to"), List.of(), (c, a) -> c.renameTable(a.string("from"), a.string("to")));
        // Reading
        add("getTableData", List.of("name"), List.of("options"), Calls::getTableData);
        add("findRow", List.of("table"), List.of("options"), (c, a) -> c.findRow(a.string("table"), a.readOptions("options")));
        add("countRows", List.of("name"), List.of("options"), (c, a) -> c.countRows(a.string("name"), a.readOptions("options")));
        // Writing
        add("addRow", List.of("table", "data"), List.of(), (c, a) -> c.addRow(a.string("table"), a.map("data")));
        add("addRows", List.of("table", "data"), List.of(), (c, a) -> c.addRows(a.string("table"), a.rows("data")));
        add("upsertRow", List.of("table", "data"), List.of("uniqueKey"),
                (c, a) -> c.upsertRow(a.string("table"), a.map("data"), a.map("uniqueKey")));
        add("changeRow", List.of("table", "id", "data"), List.of("options"),
                (c, a) -> c.changeRow(a.string("table"), a.value("id"), a.map("data"), a.patch("options")));
        add("updateRow", List.of("table", "data"), List.of(), (c, a) -> c.updateRow(a.string("table"), a.map("data")));
        add("patchRow", List.of("table", "data"), List.of(), (c, a) -> c.patchRow(a.string("table"), a.map("data")));
        add("deleteRow", List.of("table", "id"), List.of(), (c, a) -> c.deleteRow(a.string("table"), a.value("id")));
        add("clearTable", List.of("name"), List.of(), (c, a) -> c.clearTable(a.string("name")));
        // Relationships
        add("optionallyHasOne", List.of("childTable", "parentTable"), List.of("role"),
                (c, a) -> c.optionallyHasOne(a.string("childTable"), a.string("parentTable"), a.string("role")));
        add("mandatorilyHasOne", List.of("childTable", "parentTable"), List.of("role"),
                (c, a) -> c.mandatorilyHasOne(a.string("childTable"), a.string("parentTable"), a.string("role")));
        add("optionallyHasMany", List.of("childTable", "parentTable"), List.of(),
                (c, a) -> c.optionallyHasMany(a.string("childTable"), a.string("parentTable")));
        add("removeRelationship", List.of("childTable", "parentTable"), List.of("options"),
                (c, a) -> c.removeRelationship(a.string("childTable"), a.string("parentTable"), a.map("options")));
        add("associateRow", List.of("sourceTable", "sourceId", "targetTable", "targetId"), List.of(),
                (c, a) -> c.associateRow(a.string("sourceTable"), a.value("sourceId"), a.string("targetTable"), a.value("targetId")));
        add("dissociateRow", List.of("sourceTable", "sourceId", "targetTable", "targetId"), List.of(),
                (c, a) -> c.dissociateRow(a.string("sourceTable"), a.value("sourceId"), a.string("targetTable"), a.value("targetId")));

        add("getHistoricalData", List.of("name"), List.of("options"), (c, a) -> c.getHistoricalData(a.string("name"), a.map("options")));
        add("getAuditLog", List.of("name"), List.of("options"), (c, a) -> c.getAuditLog(a.string("name"), a.map("options")));
        add("restoreRow", List.of("table", "id"), List.of("options"), (c, a) -> c.restoreRow(a.string("table"), a.value("id"), a.map("options")));

        add("autoAddRows", List.of("table", "data"), List.of(), (c, a) -> c.autoAddRows(a.string("table"), a.rows("data")));
        add("autoUpsertRow", List.of("table", "data"), List.of("uniqueKey"),
                (c, a) -> c.autoUpsertRow(a.string("table"), a.map("data"), a.map("uniqueKey")));

        add("query", List.of("sql"), List.of("params"), (c, a) -> c.query(a.string("sql"), a.list("params")));
        add("queryOne", List.of("sql"), List.of("params"), (c, a) -> c.queryOne(a.string("sql"), a.list("params")));
        add("exec", List.of("sql"), List.of(), (c, a) -> c.exec(a.string("sql")));
        add("batch", List.of("statements"), List.of(), (c, a) -> c.batch(a.statements("statements")));
    }

    private Calls() {
    }

    private static void add(String name, List<String> required, List<String> optional, Handler handler) {
        add(new Call(name, required, optional, false, handler));
    }

    private static void add(Call call) {
        CALLS.put(call.name(), call);
    }

    /** The functions a call file run by the command line may call. */
    static final CallFile.Functions FUNCTIONS = new CallFile.Functions() {
        @Override
        public boolean isKnown(String function) {
            return Calls.isKnown(function);
        }

        @Override
        public String whenUnknown(String function) {
            return suggestion(function) + " Known functions: " + String.join(", ", names()) + ".";
        }

        @Override
        public String parameters(String function) {
            return describeParameters(function);
        }
    };

    static boolean isKnown(String function) {
        return CALLS.containsKey(function);
    }

    /** Every function name, in the order of the reference documents. */
    static List<String> names() {
        return List.copyOf(CALLS.keySet());
    }

    /** The parameter names of a function, for messages: {@code table, data, uniqueKey (optional)}. */
    static String describeParameters(String function) {
        Call call = CALLS.get(function);
        if (call.anyParameters()) {
            return "the connection options";
        }
        if (call.parameters().isEmpty()) {
            return "none";
        }
        List<String> shown = new ArrayList<>(call.required());
        call.optional().forEach(p -> shown.add(p + " (optional)"));
        return String.join(", ", shown);
    }

    /** " Did you mean addRow?" for a name close to a known one, else "". */
    static String suggestion(String function) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : CALLS.keySet()) {
            int d = distance(function.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = name;
            }
        }
        return best != null && bestDistance <= Math.max(2, function.length() / 4) ? " Did you mean " + best + "?" : "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * Runs a function with parameters whose references are already resolved. Unknown and
     * missing parameter names are {@code INVALID_ARGUMENT}, before anything reaches the database.
     */
    static Object invoke(Connector connector, String function, Map<String, Object> params) {
        Call call = CALLS.get(function);
        if (call == null) {
            throw invalid("Unknown function '" + function + "'." + suggestion(function) + " Known functions: " + String.join(", ", names()) + ".");
        }
        Map<String, Object> given = params == null ? Map.of() : params;
        if (!call.anyParameters()) {
            check(call, given);
        }
        return call.handler().invoke(connector, new Args(function, given));
    }

    private static void check(Call call, Map<String, Object> given) {
        Set<String> allowed = new LinkedHashSet<>(call.parameters());
        for (String key : given.keySet()) {
            if (!allowed.contains(key)) {
                throw invalid(call.name() + " has no parameter '" + key + "'. "
                        + (allowed.isEmpty() ? "It takes none." : "Its parameters: " + describeParameters(call.name()) + "."));
            }
        }
        for (String key : call.required()) {
            if (given.get(key) == null) {
                throw invalid(call.name() + " needs '" + key + "'. Its parameters: " + describeParameters(call.name()) + ".");
            }
        }
    }

    private static Object getTableData(Connector connector, Args args) {
        if (args.value("name") instanceof List<?> names) {
            return connector.getTableData(names.stream().map(String::valueOf).toList(), args.readOptions("options"));
        }
        return connector.getTableData(args.string("name"), args.readOptions("options"));
    }

    private static TablewrightException invalid(String message) {
        return new TablewrightException(ErrorCode.INVALID_ARGUMENT, message);
    }

    /** A function's parameters with typed accessors whose messages name the parameter. */
    private record Args(String function, Map<String, Object> values) {

        Map<String, Object> all() {
            return Collections.unmodifiableMap(values);
        }

        Object value(String key) {
            return values.get(key);
        }

        String string(String key) {
            Object v = values.get(key);
            if (v == null || v instanceof String) {
                return (String) v;
            }
            throw wrongType(key, "text", v);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String key) {
            Object v = values.get(key);
            if (v == null || v instanceof Map<?, ?>) {
                return (Map<String, Object>) v;
            }
            throw wrongType(key, "an object (a map of names to values)", v);
        }

        List<Object> list(String key) {
            Object v = values.get(key);
            if (v == null) {
                return List.of();
            }
            if (v instanceof List<?> l) {
                return new ArrayList<>(l);
            }
            throw wrongType(key, "a list", v);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, ?>> rows(String key) {
            if (!(values.get(key) instanceof List<?>)) {
                throw wrongType(key, "a list of rows", values.get(key));
            }
            List<Map<String, ?>> rows = new ArrayList<>();
            List<Object> list = list(key);
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> row)) {
                    throw invalid(function + ": " + key + "[" + i + "] must be an object of field names and values, got "
                            + CallFile.kind(list.get(i)) + ".");
                }
                rows.add((Map<String, ?>) row);
            }
            return rows;
        }

        ReadOptions readOptions(String key) {
            return ReadOptions.fromMap(map(key));
        }

        /** changeRow's {@code options: {patch}}. */
        boolean patch(String key) {
            Map<String, Object> options = map(key);
            if (options == null) {
                return false;
            }
            for (String k : options.keySet()) {
                if (!k.equals("patch")) {
                    throw invalid(function + ": unknown option '" + k + "'. Known: patch.");
                }
            }
            Object patch = options.get("patch");
            if (patch == null || patch instanceof Boolean) {
                return Boolean.TRUE.equals(patch);
            }
            throw invalid(function + ": options.patch must be true or false, got " + CallFile.kind(patch) + ".");
        }

        List<RawSql.Statement> statements(String key) {
            List<Object> list = list(key);
            List<RawSql.Statement> statements = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                String where = function + ": " + key + "[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> s)) {
                    throw invalid(where + " must be {sql, params}, got " + CallFile.kind(list.get(i)) + ".");
                }
                for (Object k : s.keySet()) {
                    if (!"sql".equals(k) && !"params".equals(k)) {
                        throw invalid(where + " has no parameter '" + k + "'. Its parameters: sql, params (optional).");
                    }
                }
                if (!(s.get("sql") instanceof String sql)) {
                    throw invalid(where + " needs 'sql' as text.");
                }
                Object params = s.get("params");
                if (params != null && !(params instanceof List<?>)) {
                    throw invalid(where + ": params must be a list, got " + CallFile.kind(params) + ".");
                }
                statements.add(new RawSql.Statement(sql, params == null ? List.of() : new ArrayList<>((List<?>) params)));
            }
            return statements;
        }

        private TablewrightException wrongType(String key, String expected, Object got) {
            return invalid(function + ": '" + key + "' must be " + expected + ", got " + CallFile.kind(got) + ".");
        }
    }
}
