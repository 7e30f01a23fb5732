package dev.tablewright.core.filter;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.MysqlDialect;
import dev.tablewright.core.dialect.PostgresDialect;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.dialect.SqliteDialect;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SQL a filter becomes on each dialect, built without a connection (the filter builder's preview). */
class FilterSqlTest {
    private static Dialect dialect(String name) {
        return switch (name) {
            case "sqlite" -> new SqliteDialect();
            case "postgres" -> new PostgresDialect();
            default -> new MysqlDialect(true);
        };
    }

    private static TableSchema table(String name, Object... fieldsAndTypes) {
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndTypes.length; i += 2) {
            fields.put((String) fieldsAndTypes[i], FieldSpec.of((LogicalType) fieldsAndTypes[i + 1]));
        }
        return new TableSchema(name, fields, new TableSchema.Options(false), List.of(), true, null, null);
    }

    private static final TableSchema USERS = table("users", "id", LogicalType.STRING, "name", LogicalType.STRING, "age", LogicalType.INTEGER);
    private static final TableSchema POSTS = table("posts", "id", LogicalType.STRING, "userId", LogicalType.STRING, "title", LogicalType.STRING);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "sqlite|SELECT * FROM \"users\" WHERE ((\"age\" > ?) OR (LOWER(\"name\") LIKE LOWER(?) ESCAPE '!'))",
            "postgres|SELECT * FROM \"users\" WHERE ((\"age\" > ?) OR (LOWER(\"name\") LIKE LOWER(?) ESCAPE '!'))",
            "mariadb|SELECT * FROM `users` WHERE ((`age` > ?) OR (LOWER(`name`) LIKE LOWER(?) ESCAPE '!'))",
    })
    void aSingleTableFilterBecomesTheDialectsSelectWithBoundValues(String dialect, String sql) {
        SqlStatement s = FilterSql.select(dialect(dialect), List.of(USERS), Filter.parse(List.of(List.of("age", ">", 30), "or", List.of("name", "contains", "50%_off"))));

        assertEquals(sql, s.sql());
        assertEquals(List.of(30L, "%50!%!_off%"), FilterSql.values(s));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "sqlite|SELECT * FROM \"users\", \"posts\" WHERE ((\"users\".\"id\" = \"posts\".\"userId\" AND \"users\".\"name\" = ?))|Alice",
            // PAD SPACE: the text is compared as it is and with a dot after it (trailing spaces count).
            "mariadb|SELECT * FROM `users`, `posts` WHERE ((`users`.`id` = `posts`.`userId` AND (`users`.`name` = ? AND CONCAT(`users`.`name`, '.') = ?)))|Alice,Alice.",
    })
    void aJoinComparesColumnsAndBindsOnlyTheLiteral(String dialect, String sql, String bound) {
        SqlStatement s = FilterSql.select(dialect(dialect), List.of(USERS, POSTS), Filter.parse(List.of(List.of("users.id", "=", "posts.userId"), "and", List.of("users.name", "=", "Alice"))));

        assertEquals(sql, s.sql());
        assertEquals(List.of(bound.split(",")), FilterSql.values(s));
    }

    @Test
    void noFilterSelectsEveryRow() {
        assertEquals("SELECT * FROM \"users\"", FilterSql.select(new PostgresDialect(), List.of(USERS), Filter.parse(List.of())).sql());
        assertEquals("SELECT * FROM \"users\"", FilterSql.select(new PostgresDialect(), List.of(USERS), Filter.parse(null)).sql());
    }

    @Test
    void aJsonPathReadsInsideTheColumnWithThePathBound() {
        TableSchema products = table("products", "specs", LogicalType.JSONB);

        SqlStatement s = FilterSql.select(new SqliteDialect(), List.of(products), Filter.parse(List.of("specs.dimensions.width", ">", 20)));

        assertTrue(s.sql().startsWith("SELECT * FROM \"products\" WHERE (CASE WHEN json_type(\"specs\", ?)"), s.sql());
        assertTrue(s.params().contains("$.\"dimensions\".\"width\"") || s.params().contains("$.dimensions.width"), s.params().toString());
    }

    @Test
    void anUnknownFieldIsNamedWithTheTablesFields() {
        TablewrightException e = assertThrows(TablewrightException.class,
                () -> FilterSql.select(new SqliteDialect(), List.of(USERS), Filter.parse(List.of("agee", "=", 1))));

        assertEquals(ErrorCode.UNKNOWN_FIELD, e.code());
        assertTrue(e.getMessage().contains("'agee'") && e.getMessage().contains("id, name, age"), e.getMessage());
    }

    @Test
    void identifiersWithQuotesAreDoubledNotSpliced() {
        TableSchema odd = table("we\"ird", "a\"b", LogicalType.STRING);

        assertEquals("SELECT * FROM \"we\"\"ird\" WHERE \"a\"\"b\" = ?",
                FilterSql.select(new SqliteDialect(), List.of(odd), Filter.parse(List.of("a\"b", "=", "x'; DROP TABLE t; --"))).sql());
    }
}
