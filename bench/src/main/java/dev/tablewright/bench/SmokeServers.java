package dev.tablewright.bench;

import dev.tablewright.core.testing.TestDatabases;
import dev.tablewright.core.testing.TestDatabases.TestDb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The servers for the packaged app's smoke test (installer/smoke-test.sh): starts PostgreSQL and
 * MariaDB as the test suite does, turns on TLS and SCRAM-SHA-256 for a PostgreSQL user (so the
 * trimmed runtime must carry what the driver loads for both), writes a call file per server into
 * DIR, then {@code DIR/ready}, and keeps the servers up until {@code DIR/stop} appears.
 *
 * <p>Usage: {@code SmokeServers DIR CERT_PEM KEY_PEM} (a self-signed certificate and its key).
 */
public final class SmokeServers {
    static final String USER = "smoke";
    static final String PASSWORD = "smoke-Pa55word";

    private SmokeServers() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String cert = Files.readString(Path.of(args[1]));
        String key = Files.readString(Path.of(args[2]));

        TestDb pg = TestDatabases.fresh("postgres");
        try (Connection c = pg.openJdbc(); Statement st = c.createStatement()) {
            String data = single(st, "SHOW data_directory");
            writePrivateFile(Path.of(data), "smoke.crt", cert);
            writePrivateFile(Path.of(data), "smoke.key", key);
            writeServerFile(c, single(st, "SHOW hba_file"), String.join("\n", List.of(
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "hostssl all " + USER + " 127.0.0.1/32 scram-sha-256",
                    "hostssl all " + USER + " ::1/128 scram-sha-256")));
            st.execute("ALTER SYSTEM SET ssl_cert_file = 'smoke.crt'");
            st.execute("ALTER SYSTEM SET ssl_key_file = 'smoke.key'");
            st.execute("ALTER SYSTEM SET ssl = on");
            st.execute("ALTER SYSTEM SET password_encryption = 'scram-sha-256'");
            st.execute("SELECT pg_reload_conf()");
            st.execute("SET password_encryption = 'scram-sha-256'");
            st.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            st.execute("CREATE TABLE smoke_check (id integer PRIMARY KEY, note text)");
            st.execute("ALTER TABLE smoke_check OWNER TO " + USER);
            st.execute("GRANT ALL ON SCHEMA public TO " + USER);
        }
        // The only rule for this user over TCP is hostssl + scram-sha-256: connecting at all proves both.
        Files.writeString(dir.resolve("postgres.yaml"), String.join("\n",
                "- create: {dialect: postgres, host: localhost, port: " + pg.port() + ", database: " + pg.database()
                        + ", username: " + USER + ", password: " + PASSWORD + ", ssl: true}",
                "- getAllTables: {}",
                "- queryOne: {sql: \"SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()\"}",
                ""));

        TestDb maria = TestDatabases.fresh("mariadb");
        try (Connection c = maria.openJdbc(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE smoke_check (id integer PRIMARY KEY, note text)");
        }
        Files.writeString(dir.resolve("mariadb.yaml"), String.join("\n",
                "- create: {dialect: mariadb, host: " + maria.host() + ", port: " + maria.port() + ", database: " + maria.database()
                        + ", username: " + maria.username() + ", password: '" + (maria.password() == null ? "" : maria.password()) + "'}",
                "- getAllTables: {}",
                "- queryOne: {sql: \"SELECT VERSION() AS version\"}",
                ""));

        Files.writeString(dir.resolve("ready"), "");
        while (!Files.exists(dir.resolve("stop"))) {
            Thread.sleep(200);
        }
        // The test suite's shutdown hook stops both servers.
        System.exit(0);
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * A file in the data directory that only the server's user may read: PostgreSQL refuses a key
     * anyone else can read (a file written by COPY is world-readable).
     */
    private static void writePrivateFile(Path dataDir, String name, String text) throws IOException {
        Path file = dataDir.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.setOwner(file, Files.getOwner(dataDir));
    }

    /** Writes {@code text} to {@code path} on the server, as the server's user (pg_hba.conf, which the data directory's owner may not be able to write). */
    private static void writeServerFile(Connection c, String path, String text) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS smoke_lines (n integer, line text)");
            st.execute("TRUNCATE smoke_lines");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO smoke_lines VALUES (?, ?)")) {
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                insert.setInt(1, i);
                insert.setString(2, lines[i]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // COPY takes no parameters; the path is the server's own data directory, quoted.
        try (Statement st = c.createStatement()) {
            st.execute("COPY (SELECT line FROM smoke_lines ORDER BY n) TO '" + path.replace("'", "''") + "'");
        }
    }
}
