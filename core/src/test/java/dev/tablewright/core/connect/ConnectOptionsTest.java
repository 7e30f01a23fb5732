package dev.tablewright.core.connect;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectOptionsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "shop.db|sqlite|shop.db||||",
            ":memory:|sqlite|:memory:||||",
            "/tmp/a b/shop.db|sqlite|/tmp/a b/shop.db||||",
            "sqlite:data/x.db|sqlite|data/x.db||||",
            "jdbc:sqlite:/tmp/x.db|sqlite|/tmp/x.db||||",
            "postgres://me:s%40cret@db.example.com:5433/shop|postgres|shop|me|s@cret|db.example.com|5433",
            "postgresql://me@localhost/shop|postgres|shop|me||localhost|",
            "mysql://root:pw@127.0.0.1:3306/app|mysql|app|root|pw|127.0.0.1|3306",
            "mariadb://root@localhost:3307/app|mariadb|app|root||localhost|3307",
            "jdbc:postgresql://localhost:5432/shop?user=u&password=p|postgres|shop|u|p|localhost|5432",
    })
    void urlsOfEveryFormAreUnderstood(String url, String dialect, String database, String user, String password, String host, Integer port) {
        ConnectOptions o = ConnectOptions.parseUrl(url);
        assertEquals(dialect, o.dialect());
        assertEquals(database, o.database());
        assertEquals(user, o.username());
        assertEquals(password, o.password());
        assertEquals(host, o.host());
        assertEquals(port, o.port());
    }

    @Test
    void referenceOptionsAreReadDirectlyOrUnderOptions() {
        Map<String, Object> direct = Map.of("dialect", "postgres", "database", "mydb", "username", "user", "password", "pass",
                "host", "localhost", "ssl", true, "port", 5432);
        ConnectOptions a = ConnectOptions.fromMap(direct);
        assertEquals(a, ConnectOptions.fromMap(Map.of("options", direct)));
        assertEquals(5432, a.port());
        assertEquals(true, a.ssl());
    }

    @Test
    void unknownOptionsAndDialectsAreRefused() {
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(TablewrightException.class,
                () -> ConnectOptions.fromMap(Map.of("dialect", "sqlite", "databse", "x.db"))).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(TablewrightException.class,
                () -> ConnectOptions.fromMap(Map.of("dialect", "oracle"))).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(TablewrightException.class,
                () -> ConnectOptions.fromMap(Map.of("dialect", "postgres", "port", "fivefour"))).code());
    }

    @Test
    void thePasswordIsNeverPrinted() {
        ConnectOptions o = ConnectOptions.parseUrl("postgres://me:topsecret@localhost/shop");
        assertFalse(o.toString().contains("topsecret"));
        assertNull(ConnectOptions.parseUrl("shop.db").password());
    }

    /** Malformed URLs of every kind: refused with a reason, and the password never in the message. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgres://me:hunter2 x@db.example.com/shop|space",
            "postgres://me:hunter2^@db.example.com/shop|^",
            "postgres://me:hunter2%zz@db.example.com/shop|%",
            "postgres://me:hunter2%@db.example.com/shop|%",
            "postgres://me:hunter2@[db.example.com/shop|[",
            "mysql://me:hunter2@db.example.com:33o6/shop|port",
            "mariadb://me:hunter2@db.example.com:99999/shop|port",
            "postgres://me:hun#ter2@db.example.com/shop|#",
            "postgres://me:hunter2@db.example.com/shop#x|#",
            "postgres://me:hunter2@db.example.com/shop?password=hunter2&x=%zz|%",
    })
    void aMalformedUrlIsRefusedSayingWhatIsWrongWithoutItsPassword(String url, String problem) {
        TablewrightException e = assertThrows(TablewrightException.class, () -> ConnectOptions.parseUrl(url), url);
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("hun#ter2"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            assertFalse(String.valueOf(cause.getMessage()).contains("hunter2"), "cause: " + cause);
        }
    }
}
