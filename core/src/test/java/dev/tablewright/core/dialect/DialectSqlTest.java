package dev.tablewright.core.dialect;

import dev.tablewright.core.base.LogicalType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.sql.SQLException;

/** The SQL text each dialect builds, as tables: what a reviewer checks by eye. */
class DialectSqlTest {
    private static Dialect dialect(String name) {
        return switch (name) {
            case "sqlite" -> new SqliteDialect();
            case "postgres" -> new PostgresDialect();
            case "mysql" -> new MysqlDialect(false);
            default -> new MysqlDialect(true);
        };
    }

    @ParameterizedTest(name = "{0} quotes [{1}] as [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "sqlite|users|\"users\"",
            "sqlite|a\"b|\"a\"\"b\"",
            "sqlite|a`b|\"a`b\"",
            "sqlite|x\"; DROP TABLE t; --|\"x\"\"; DROP TABLE t; --\"",
            "postgres|camelCase|\"camelCase\"",
            "postgres|a\"\"b|\"a\"\"\"\"b\"",
            "postgres|a\\b|\"a\\b\"",
            "mysql|users|`users`",
            "mysql|a`b|`a``b`",
            "mysql|a\"b|`a\"b`",
            "mysql|x`; DROP TABLE t; --|`x``; DROP TABLE t; --`",
            "mariadb|%_|`%_`",
    })
    void identifiersAreQuotedWithTheQuoteCharacterDoubled(String dialect, String name, String quoted) {
        assertEquals(quoted, dialect(dialect).quoteIdentifier(name));
    }

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource(delimiter = '|', value = {
            "sqlite|STRING|TEXT", "sqlite|BOOLEAN|INTEGER", "sqlite|DATE|TEXT", "sqlite|NUMBER|REAL", "sqlite|FILE|BLOB", "sqlite|JSONB|TEXT",
            "postgres|STRING|varchar(255)", "postgres|TEXT|text", "postgres|INTEGER|bigint", "postgres|NUMBER|double precision",
            "postgres|BOOLEAN|boolean", "postgres|DATE|timestamptz(3)", "postgres|JSON|json", "postgres|JSONB|jsonb", "postgres|FILE|bytea",
            "mysql|STRING|VARCHAR(255)", "mysql|TEXT|LONGTEXT", "mysql|INTEGER|BIGINT", "mysql|NUMBER|DOUBLE", "mysql|BOOLEAN|BOOLEAN",
            "mysql|DATE|DATETIME(3)", "mysql|JSON|JSON", "mysql|JSONB|JSON", "mysql|FILE|LONGBLOB",
    })
    void logicalTypesMapAsTheContractSays(String dialect, LogicalType type, String column) {
        assertEquals(column, dialect(dialect).columnType(type));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sqlite|INSERT INTO \"t\" (\"id\", \"email\", \"n\") VALUES (?, ?, ?) ON CONFLICT (\"email\") DO UPDATE SET \"n\" = excluded.\"n\"",
            "postgres|INSERT INTO \"t\" (\"id\", \"email\", \"n\") VALUES (?, ?, ?) ON CONFLICT (\"email\") DO UPDATE SET \"n\" = EXCLUDED.\"n\"",
            "mysql|INSERT INTO `t` (`id`, `email`, `n`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `n` = VALUES(`n`)",
    })
    void upsertsAreOneStatementWithEveryValueBound(String dialect, String sql) {
        assertEquals(sql, dialect(dialect).upsert("t", List.of("id", "email", "n"), List.of("?", "?", "?"), List.of("email"), List.of("n")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sqlite|(CASE WHEN json_type(\"s\", ?) IN ('integer','real') THEN json_extract(\"s\", ?) END)|$.\"a\".\"b\"",
            "postgres|(CASE WHEN jsonb_typeof(jsonb_extract_path(CAST(\"s\" AS jsonb), CAST(? AS text), CAST(? AS text))) = 'number' THEN CAST(jsonb_extract_path(CAST(\"s\" AS jsonb), CAST(? AS text), CAST(? AS text)) #>> '{}' AS double precision) END)|a",
            "mysql|(CASE WHEN JSON_TYPE(JSON_EXTRACT(`s`, ?)) IN ('INTEGER','UNSIGNED INTEGER','DOUBLE','DECIMAL') THEN CAST(JSON_UNQUOTE(JSON_EXTRACT(`s`, ?)) AS DOUBLE) END)|$.\"a\".\"b\"",
    })
    void jsonPathsAreBoundValuesNeverSqlText(String dialect, String sql, String firstParam) {
        Dialect d = dialect(dialect);
        SqlStatement s = d.jsonValue(d.quoteIdentifier("s"), LogicalType.JSONB, List.of("a", "b"), Dialect.JsonKind.NUMBER);
        assertEquals(sql, s.sql());
        assertEquals(firstParam, s.params().get(0));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "mariadb|`code`|ALTER TABLE `t` ADD `__tw_exact_code` INT AS (CHAR_LENGTH(`code`)) VIRTUAL INVISIBLE, ADD UNIQUE KEY `__tw_exact_code` (`code`, `__tw_exact_code`)",
            "mysql|`a``b`|ALTER TABLE `t` ADD `__tw_exact_a``b` INT AS (CHAR_LENGTH(`a``b`)) VIRTUAL INVISIBLE, ADD UNIQUE KEY `__tw_exact_a``b` (`a``b`, `__tw_exact_a``b`)",
            "postgres|\"code\"|ALTER TABLE \"t\" ADD UNIQUE (\"code\")",
            "sqlite|\"code\"|ALTER TABLE \"t\" ADD UNIQUE (\"code\")",
    })
    void aUniqueTextKeyKeepsTrailingSpacesWhereTheCollationWouldNot(String dialect, String quoted, String sql) {
        Dialect d = dialect(dialect);
        String column = quoted.substring(1, quoted.length() - 1).replace("``", "`").replace("\"\"", "\"");
        assertEquals(List.of(sql), d.addUnique("t", column, LogicalType.STRING));
        assertEquals(List.of("ALTER TABLE " + d.quoteIdentifier("t") + " ADD UNIQUE (" + quoted + ")"), d.addUnique("t", column, LogicalType.INTEGER));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "1062|(conn=4) Duplicate entry 'x -2' for key '__tw_exact_label'|(conn=4) Duplicate entry 'x ' for key 'label'",
            "1062|Duplicate entry 'a-1-3' for key 'tags.__tw_exact_code'|Duplicate entry 'a-1' for key 'code'",
            "1062|Duplicate entry 'it''s-4' for key '__tw_exact_code'|Duplicate entry 'it''s' for key 'code'",
            "1062|Duplicate entry 'a-1' for key 'plain'|Duplicate entry 'a-1' for key 'plain'",
            "1062|Duplicate entry '7' for key 'PRIMARY'|Duplicate entry '7' for key 'PRIMARY'",
            "1452|Duplicate entry 'x -2' for key '__tw_exact_label'|Duplicate entry 'x -2' for key '__tw_exact_label'",
    })
    void aDuplicateUnderAnExactKeyShowsItsValueOnly(int code, String message, String said) {
        assertEquals(said, new MysqlDialect(true).databaseSaid(new SQLException(message, "23000", code)));
    }
}
