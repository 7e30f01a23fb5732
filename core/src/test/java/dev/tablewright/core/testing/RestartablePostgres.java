package dev.tablewright.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * A PostgreSQL server of one test's own that can be stopped and started again on the same port and
 * data directory, as when a server is restarted under an open workbench. Tests of lost and
 * recovered connections use it; everything else shares the servers of {@link TestDatabases}.
 */
public final class RestartablePostgres implements AutoCloseable {
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Starts a server on a free port, keeping its data in {@code dataDirectory}. */
    public static RestartablePostgres start(Path dataDirectory) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RestartablePostgres postgres = new RestartablePostgres(dataDirectory, port);
        postgres.restart();
        return postgres;
    }

    public int port() {
        return port;
    }

    /** Stops the server; connections to it fail until {@link #restart()}. */
    public void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the server again on the same port with the data it had. */
    public void restart() throws IOException {
        server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off")
                .setRegisterShutdownHook(false)
                .start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
