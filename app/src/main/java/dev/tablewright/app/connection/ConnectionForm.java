package dev.tablewright.app.connection;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * The connection manager's form: one property per field of a profile, what the form still lacks
 * for its dialect, and the profile it makes. The manager ({@link ConnectionManagerViewModel})
 * decides which profile it shows and what its commands do.
 */
final class ConnectionForm {
    final StringProperty name = new SimpleStringProperty("");
    final ObjectProperty<DialectKind> dialect = new SimpleObjectProperty<>(DialectKind.SQLITE);
    final StringProperty database = new SimpleStringProperty("");
    final StringProperty host = new SimpleStringProperty("");
    final StringProperty port = new SimpleStringProperty("");
    final StringProperty username = new SimpleStringProperty("");
    final StringProperty password = new SimpleStringProperty("");
    final BooleanProperty ssl = new SimpleBooleanProperty();
    final StringProperty applicationUser = new SimpleStringProperty("");
    final BooleanProperty rememberPassword = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper fileBased = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper portPrompt = new ReadOnlyStringWrapper("");

    ConnectionForm() {
        fileBased.bind(Bindings.createBooleanBinding(() -> dialect.get() != null && dialect.get().isFileBased(), dialect));
        portPrompt.bind(Bindings.createStringBinding(
                () -> dialect.get() == null || dialect.get().isFileBased() ? "" : String.valueOf(dialect.get().defaultPort()), dialect));
    }

    /** The fields whose change can change what the form lacks. */
    Observable[] checkedFields() {
        return new Observable[]{name, dialect, database, host, port, username};
    }

    /** Shows the profile; the password field starts empty (passwords are never in a profile). */
    void fill(ConnectionProfile profile) {
        name.set(profile.name());
        dialect.set(profile.dialect());
        database.set(nonNull(profile.database()));
        host.set(nonNull(profile.host()));
        port.set(profile.port() == null ? "" : String.valueOf(profile.port()));
        username.set(nonNull(profile.username()));
        password.set("");
        ssl.set(profile.ssl());
        applicationUser.set(nonNull(profile.applicationUser()));
        rememberPassword.set(profile.rememberPassword());
    }

    /** An empty SQLite form under {@code newName}. */
    void clear(String newName) {
        name.set(newName);
        dialect.set(DialectKind.SQLITE);
        database.set("");
        host.set("localhost");
        port.set("");
        username.set("");
        password.set("");
        ssl.set(false);
        applicationUser.set("");
        rememberPassword.set(false);
    }

    /** The form as a profile (it may not be valid). */
    ConnectionProfile profile() {
        DialectKind kind = dialect.get();
        if (kind != null && kind.isFileBased()) {
            return new ConnectionProfile(name.get().strip(), kind, database.get().strip(), null, null, null, false,
                    blankToNull(applicationUser.get()), false);
        }
        return new ConnectionProfile(name.get().strip(), kind, database.get().strip(), host.get().strip(), parsedPort(),
                blankToNull(username.get()), ssl.get(), blankToNull(applicationUser.get()), rememberPassword.get());
    }

    /** What the form still needs, in words, given the other saved profiles; empty when complete. */
    String problem(List<ConnectionProfile> profiles, ConnectionProfile editing) {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty()) {
            return "Give the connection a name.";
        }
        for (ConnectionProfile other : profiles) {
            if (other.name().equals(n) && (editing == null || !editing.name().equals(n))) {
                return "Another connection is already named '" + n + "'.";
            }
        }
        DialectKind kind = dialect.get();
        if (kind == null) {
            return "Choose the type of database.";
        }
        if (kind.isFileBased()) {
            return isBlank(database.get()) ? "Choose a database file, or create a new one." : "";
        }
        if (isBlank(host.get())) {
            return "Enter the server's host name or address.";
        }
        if (!isBlank(port.get()) && parsedPort() == null) {
            return "The port must be a whole number from 1 to 65535 (empty means " + kind.defaultPort() + ").";
        }
        if (isBlank(database.get())) {
            return "Enter the name of the database on the server.";
        }
        if (isBlank(username.get())) {
            return "Enter the user name to log in with.";
        }
        return "";
    }

    /** A file name for a new SQLite database, from the connection's name. */
    String suggestedFileName() {
        String base = name.get() == null || name.get().isBlank() ? "database" : name.get().strip();
        return base.replaceAll("[^A-Za-z0-9._-]+", "-") + ".db";
    }

    ReadOnlyBooleanProperty fileBasedProperty() {
        return fileBased.getReadOnlyProperty();
    }

    ReadOnlyStringProperty portPromptProperty() {
        return portPrompt.getReadOnlyProperty();
    }

    private Integer parsedPort() {
        String text = port.get() == null ? "" : port.get().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            return value >= 1 && value <= 65535 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
