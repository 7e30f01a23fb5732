package dev.tablewright.app.connection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tablewright.core.connect.ConnectOptions;

/**
 * A saved connection: every option of {@code create} except the password, which is never part of
 * a profile (see {@link PasswordVault}). {@code rememberPassword} says where the password lives:
 * kept across sessions in the OS keyring or the encrypted file, or asked for once per session.
 *
 * @param database for SQLite the file's path, else the database's name
 * @param port     null for the dialect's usual port
 * @param applicationUser the name {@code $USER} stands for, when it should not be the database user
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionProfile(String name, DialectKind dialect, String database, String host, Integer port,
                                String username, boolean ssl, String applicationUser, boolean rememberPassword) {

    /** A new SQLite profile for a file. */
    public static ConnectionProfile sqlite(String name, String file) {
        return new ConnectionProfile(name, DialectKind.SQLITE, file, null, null, null, false, null, false);
    }

    /** The options {@code create} takes, with the password given for this session. */
    public ConnectOptions options(String password) {
        if (dialect.isFileBased()) {
            return new ConnectOptions(dialect.id(), database, null, null, null, null, false, blankToNull(applicationUser));
        }
        return new ConnectOptions(dialect.id(), database, blankToNull(username), password, blankToNull(host), port, ssl,
                blankToNull(applicationUser));
    }

    /** Whether connecting needs a password at all: file databases have none. */
    @JsonIgnore
    public boolean needsPassword() {
        return !dialect.isFileBased();
    }

    public ConnectionProfile withName(String newName) {
        return new ConnectionProfile(newName, dialect, database, host, port, username, ssl, applicationUser, rememberPassword);
    }

    /** Where it points, for the profile list: the file, or user@host:port/database. */
    @JsonIgnore
    public String location() {
        if (dialect.isFileBased()) {
            return database == null ? "" : database;
        }
        String user = username == null || username.isBlank() ? "" : username + "@";
        int p = port == null ? dialect.defaultPort() : port;
        return user + (host == null ? "" : host) + ":" + p + "/" + (database == null ? "" : database);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
