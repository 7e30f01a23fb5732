package dev.tablewright.core.dialect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** SQL text with {@code ?} placeholders and the values bound to them, in order. */
public record SqlStatement(String sql, List<Object> params) {

    public SqlStatement {
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    public static SqlStatement of(String sql, Object... params) {
        return new SqlStatement(sql, Arrays.asList(params));
    }

    /** Builds SQL text and its parameters together, so a value can only enter as a parameter. */
    public static final class Builder {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        public Builder sql(String text) {
            sql.append(text);
            return this;
        }

        public Builder param(String placeholder, Object value) {
            sql.append(placeholder);
            params.add(value);
            return this;
        }

        public Builder append(SqlStatement fragment) {
            sql.append(fragment.sql());
            params.addAll(fragment.params());
            return this;
        }

        public boolean isEmpty() {
            return sql.length() == 0;
        }

        public SqlStatement build() {
            return new SqlStatement(sql.toString(), params);
        }
    }
}
