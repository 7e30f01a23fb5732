package dev.tablewright.app.connection;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The connection manager: the saved profiles, the form of the selected one (validated here, per
 * dialect), and the commands Save, Test connection, Connect, New, Duplicate, Rename and Delete,
 * each with an {@code executable} property. Files, keyrings and databases are reached through the
 * task executor; questions to the user go through the {@link DialogService}.
 */
public final class ConnectionManagerViewModel {

    /** Where "Test connection" has got to. */
    public enum TestStatus { NONE, RUNNING, OK, FAILED }

    static final List<DialogService.FileFilter> SQLITE_FILES = List.of(
            new DialogService.FileFilter("SQLite databases", List.of("*.db", "*.sqlite", "*.sqlite3", "*.db3")));

    private final ProfileStore store;
    private final PasswordVault vault;
    private final ConnectionRegistry registry;
    private final TaskExecutor tasks;
    private final DialogService dialogs;

    private final ReadOnlyListWrapper<ConnectionProfile> profiles = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<ConnectionProfile> selected = new ReadOnlyObjectWrapper<>();

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<DialectKind> dialect = new SimpleObjectProperty<>(DialectKind.SQLITE);
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty ssl = new SimpleBooleanProperty();
    private final StringProperty applicationUser = new SimpleStringProperty("");
    private final BooleanProperty rememberPassword = new SimpleBooleanProperty();

    private final ReadOnlyBooleanWrapper fileBased = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<TestStatus> testStatus = new ReadOnlyObjectWrapper<>(TestStatus.NONE);
    private final ReadOnlyStringWrapper testMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper portPrompt = new ReadOnlyStringWrapper("");

    private final BooleanBinding saveExecutable;
    private final BooleanBinding testExecutable;
    private final BooleanBinding connectExecutable;
    private final BooleanBinding selectionExecutable;

    private Consumer<OpenConnection> onConnected = connection -> { };

    public ConnectionManagerViewModel(ProfileStore store, PasswordVault vault, ConnectionRegistry registry,
                                      TaskExecutor tasks, DialogService dialogs) {
        this.store = store;
        this.vault = vault;
        this.registry = registry;
        this.tasks = tasks;
        this.dialogs = dialogs;

        fileBased.bind(Bindings.createBooleanBinding(() -> dialect.get() != null && dialect.get().isFileBased(), dialect));
        portPrompt.bind(Bindings.createStringBinding(
                () -> dialect.get() == null || dialect.get().isFileBased() ? "" : String.valueOf(dialect.get().defaultPort()), dialect));
        validationMessage.bind(Bindings.createStringBinding(this::validate,
                name, dialect, database, host, port, username, profiles, selected));
        valid.bind(validationMessage.isEmpty());
        saveExecutable = valid.and(busy.not());
        testExecutable = valid.and(busy.not());
        connectExecutable = valid.and(busy.not());
        selectionExecutable = selected.isNotNull().and(busy.not());
        newProfile();
    }

    /** Called with each connection opened by {@link #connect()}: the shell shows it in the navigator. */
    public void setOnConnected(Consumer<OpenConnection> onConnected) {
        this.onConnected = onConnected;
    }

    /** Reads the saved profiles; a damaged file is reported (with where its backup is) and the list starts empty. */
    public void load() {
        busy.set(true);
        tasks.execute(store::load, loaded -> {
            busy.set(false);
            profiles.setAll(loaded);
            if (!loaded.isEmpty()) {
                select(loaded.get(0));
            }
        }, failure -> {
            busy.set(false);
            report("Could not read the saved connections", failure);
        });
    }

    // --- selection and form ---

    /** Shows this profile in the form; {@code null} starts a new one. */
    public void select(ConnectionProfile profile) {
        if (profile == null) {
            newProfile();
            return;
        }
        selected.set(profile);
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
        clearResults();
    }

    /** An empty form for a new SQLite profile with a name no other profile has. */
    public void newProfile() {
        selected.set(null);
        name.set(uniqueName("New connection"));
        dialect.set(DialectKind.SQLITE);
        database.set("");
        host.set("localhost");
        port.set("");
        username.set("");
        password.set("");
        ssl.set(false);
        applicationUser.set("");
        rememberPassword.set(false);
        clearResults();
    }

    /** The form as a profile (it may not be valid). */
    public ConnectionProfile formProfile() {
        DialectKind kind = dialect.get();
        if (kind != null && kind.isFileBased()) {
            return new ConnectionProfile(name.get().strip(), kind, database.get().strip(), null, null, null, false,
                    blankToNull(applicationUser.get()), false);
        }
        return new ConnectionProfile(name.get().strip(), kind, database.get().strip(), host.get().strip(), parsedPort(),
                blankToNull(username.get()), ssl.get(), blankToNull(applicationUser.get()), rememberPassword.get());
    }

    private String validate() {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty()) {
            return "Give the connection a name.";
        }
        ConnectionProfile editing = selected.get();
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

    // --- SQLite files ---

    /** Lets the user pick an existing SQLite file for the form. */
    public void chooseExistingFile() {
        dialogs.chooseFileToOpen("Open SQLite database", SQLITE_FILES).ifPresent(this::useFile);
    }

    /** Lets the user name a new SQLite file for the form; it is created when the connection is first opened. */
    public void chooseNewFile() {
        dialogs.chooseFileToCreate("New SQLite database", suggestedFileName(), SQLITE_FILES).ifPresent(this::useFile);
    }

    private void useFile(Path file) {
        database.set(file.toAbsolutePath().toString());
        if (selected.get() == null && name.get().startsWith("New connection")) {
            String fileName = file.getFileName().toString();
            int dot = fileName.lastIndexOf('.');
            name.set(uniqueName(dot > 0 ? fileName.substring(0, dot) : fileName));
        }
        clearResults();
    }

    private String suggestedFileName() {
        String base = name.get() == null || name.get().isBlank() ? "database" : name.get().strip();
        return base.replaceAll("[^A-Za-z0-9._-]+", "-") + ".db";
    }

    // --- commands ---

    /**
     * Saves the form as the selected profile (renaming it if its name changed) or as a new one.
     * A password typed in the form is kept for the session, and remembered when asked to, after
     * unlocking the encrypted file with the master password if that is where it goes.
     */
    public void save() {
        save(saved -> status.set("Saved '" + saved.name() + "'."));
    }

    private void save(Consumer<ConnectionProfile> then) {
        if (!saveExecutable.get()) {
            return;
        }
        ConnectionProfile profile = formProfile();
        ConnectionProfile before = selected.get();
        String typed = password.get();
        boolean storesPassword = profile.needsPassword() && profile.rememberPassword()
                && (!typed.isEmpty() || before == null || !before.rememberPassword());
        Optional<String> master = Optional.empty();
        if (storesPassword && vault.remembered().isLocked()) {
            master = askMasterPassword();
            if (master.isEmpty()) {
                return;
            }
        }
        List<ConnectionProfile> next = new ArrayList<>(profiles);
        int index = before == null ? -1 : next.indexOf(before);
        if (index >= 0) {
            next.set(index, profile);
        } else {
            next.add(profile);
        }
        Optional<String> unlockWith = master;
        run(() -> {
            if (unlockWith.isPresent()) {
                vault.remembered().unlock(unlockWith.get());
            }
            store.save(next);
            if (before != null && !before.name().equals(profile.name())) {
                vault.rename(profile, before.name());
            }
            if (!typed.isEmpty() && profile.needsPassword()) {
                vault.keep(profile, typed);
            } else if (profile.needsPassword()) {
                vault.rememberChoiceChanged(profile);
            }
            return profile;
        }, saved -> {
            profiles.setAll(next);
            select(saved);
            then.accept(saved);
        }, failure -> report("Could not save '" + profile.name() + "'", failure));
    }

    /** Connects with the form's settings, reports the server's version or the error, and disconnects. */
    public void testConnection() {
        if (!testExecutable.get()) {
            return;
        }
        ConnectionProfile profile = formProfile();
        withPassword(profile, password.get(), pw -> {
            testStatus.set(TestStatus.RUNNING);
            testMessage.set("Connecting to " + describe(profile) + " …");
            run(() -> probe(profile, pw), version -> {
                testStatus.set(TestStatus.OK);
                testMessage.set(version);
            }, failure -> {
                testStatus.set(TestStatus.FAILED);
                testMessage.set(describeFailure(failure));
            });
        });
    }

    private static String probe(ConnectionProfile profile, String password) {
        if (profile.dialect().isFileBased()) {
            Path file = Path.of(profile.database()).toAbsolutePath();
            if (!Files.exists(file)) {
                Path folder = file.getParent();
                if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
                    throw new TablewrightException(ErrorCode.CONNECTION_FAILED,
                            "The folder " + folder + " does not exist or cannot be written, so " + file.getFileName()
                                    + " cannot be created there. Choose another place.");
                }
                return "Ready: " + file + " does not exist yet; Connect creates it as a new SQLite database.";
            }
        }
        try (Connector connector = Connector.connect(profile.options(password))) {
            return "Connected: " + OpenConnection.serverVersion(connector) + ".";
        }
    }

    /** Saves the form if needed, then opens the connection in the registry and hands it to the shell. */
    public void connect() {
        if (!connectExecutable.get()) {
            return;
        }
        save(this::open);
    }

    /**
     * Opens a saved profile, asking for its password when it is not known this session (nor
     * remembered); the opened connection goes to the {@link #setOnConnected} callback.
     */
    public void open(ConnectionProfile profile) {
        String typed = profile.equals(selected.get()) ? password.get() : "";
        withPassword(profile, typed, pw -> {
            status.set("Connecting to " + describe(profile) + " …");
            run(() -> {
                OpenConnection connection = registry.open(profile, pw);
                if (profile.needsPassword()) {
                    vault.keep(profile, pw);
                }
                return connection;
            }, connection -> {
                status.set("Connected to '" + profile.name() + "'.");
                onConnected.accept(connection);
            }, failure -> report("Could not connect to '" + profile.name() + "'", failure));
        });
    }

    /** Saves a copy of the selected profile under a new name and selects it; the password is asked for again. */
    public void duplicate() {
        ConnectionProfile original = selected.get();
        if (original == null || !selectionExecutable.get()) {
            return;
        }
        ConnectionProfile copy = original.withName(uniqueName(original.name() + " (copy)"));
        List<ConnectionProfile> next = new ArrayList<>(profiles);
        next.add(next.indexOf(original) + 1, copy);
        run(() -> {
            store.save(next);
            return copy;
        }, saved -> {
            profiles.setAll(next);
            select(saved);
            status.set("Saved a copy of '" + original.name() + "' as '" + saved.name() + "'.");
        }, failure -> report("Could not duplicate '" + original.name() + "'", failure));
    }

    /** Asks for a new name for the selected profile and saves it under that name; its password follows it. */
    public void rename() {
        ConnectionProfile original = selected.get();
        if (original == null || !selectionExecutable.get()) {
            return;
        }
        Optional<String> answer = dialogs.askText("Rename connection", "New name for '" + original.name() + "'", original.name())
                .map(String::strip);
        if (answer.isEmpty() || answer.get().equals(original.name())) {
            return;
        }
        String newName = answer.get();
        if (newName.isEmpty() || profiles.stream().anyMatch(p -> p.name().equals(newName))) {
            dialogs.showError("'" + original.name() + "' was not renamed",
                    newName.isEmpty() ? "A connection needs a name." : "Another connection is already named '" + newName + "'.");
            return;
        }
        ConnectionProfile renamed = original.withName(newName);
        List<ConnectionProfile> next = new ArrayList<>(profiles);
        next.set(next.indexOf(original), renamed);
        run(() -> {
            store.save(next);
            vault.rename(renamed, original.name());
            return renamed;
        }, saved -> {
            profiles.setAll(next);
            select(saved);
            status.set("Renamed '" + original.name() + "' to '" + saved.name() + "'.");
        }, failure -> report("Could not rename '" + original.name() + "'", failure));
    }

    /** Deletes the selected profile and its remembered password, once the user confirms; the database is not touched. */
    public void delete() {
        ConnectionProfile doomed = selected.get();
        if (doomed == null || !selectionExecutable.get()) {
            return;
        }
        boolean sure = dialogs.confirm("Delete connection", "Delete the connection '" + doomed.name() + "'?",
                "The saved profile and its remembered password are removed. The database itself ("
                        + doomed.location() + ") is not touched.", "Delete");
        if (!sure) {
            return;
        }
        List<ConnectionProfile> next = new ArrayList<>(profiles);
        next.remove(doomed);
        run(() -> {
            store.save(next);
            vault.forget(doomed.name());
            return doomed;
        }, gone -> {
            profiles.setAll(next);
            if (next.isEmpty()) {
                newProfile();
            } else {
                select(next.get(0));
            }
            status.set("Deleted '" + gone.name() + "'.");
        }, failure -> report("Could not delete '" + doomed.name() + "'", failure));
    }

    // --- passwords ---

    /**
     * Finds the password to connect with: typed in the form, known this session, remembered
     * (unlocking the encrypted file first if need be), or else asked for. Nothing happens when
     * the user cancels.
     */
    private void withPassword(ConnectionProfile profile, String typed, Consumer<String> then) {
        if (!profile.needsPassword()) {
            then.accept(null);
            return;
        }
        if (typed != null && !typed.isEmpty()) {
            then.accept(typed);
            return;
        }
        Optional<String> master = Optional.empty();
        if (vault.needsUnlock(profile) && !vault.remembered().isNew()) {
            master = askMasterPassword();
        }
        Optional<String> unlockWith = master;
        run(() -> {
            if (unlockWith.isPresent()) {
                vault.remembered().unlock(unlockWith.get());
            }
            return vault.known(profile);
        }, known -> known.ifPresentOrElse(then, () -> askDatabasePassword(profile).ifPresent(then)),
                failure -> {
                    report("Could not read the saved password of '" + profile.name() + "'", failure);
                    askDatabasePassword(profile).ifPresent(then);
                });
    }

    private Optional<String> askDatabasePassword(ConnectionProfile profile) {
        return dialogs.askPassword("Password for " + profile.name(),
                "Password of " + nonNull(profile.username()) + " on " + describe(profile)
                        + (profile.rememberPassword() ? "" : " (kept until Tablewright exits)"));
    }

    private Optional<String> askMasterPassword() {
        SecretStore secrets = vault.remembered();
        String header = secrets.isNew()
                ? "Choose a master password. It encrypts the passwords you ask Tablewright to remember, in "
                + secrets.description() + ", and is asked for once per session."
                : "Enter the master password that protects the remembered passwords in " + secrets.description() + ".";
        return dialogs.askPassword("Master password", header).filter(p -> !p.isEmpty());
    }

    // --- helpers ---

    private <T> void run(Callable<T> work, Consumer<T> ok, Consumer<Throwable> fail) {
        busy.set(true);
        problem.set("");
        tasks.execute(work, result -> {
            busy.set(false);
            ok.accept(result);
        }, failure -> {
            busy.set(false);
            fail.accept(failure);
        });
    }

    private void report(String what, Throwable failure) {
        String text = describeFailure(failure);
        problem.set(what + ": " + text);
        status.set("");
        dialogs.showError(what, text);
    }

    /** "CODE: message", the way every failure reaches the user; the manager's own files have codes of their own. */
    static String describeFailure(Throwable failure) {
        if (failure instanceof ConnectionSetupException e) {
            return e.code() + ": " + e.getMessage();
        }
        return Failures.describe(failure);
    }

    private static String describe(ConnectionProfile profile) {
        return profile.dialect().displayName() + " " + profile.location();
    }

    private void clearResults() {
        testStatus.set(TestStatus.NONE);
        testMessage.set("");
        problem.set("");
    }

    private String uniqueName(String base) {
        String candidate = base;
        int n = 2;
        while (taken(candidate)) {
            candidate = base + " " + n++;
        }
        return candidate;
    }

    private boolean taken(String candidate) {
        return profiles.stream().anyMatch(p -> p.name().equals(candidate));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // --- properties ---

    public ReadOnlyListProperty<ConnectionProfile> profilesProperty() {
        return profiles.getReadOnlyProperty();
    }

    /** The profile shown in the form; null while a new one is being written. */
    public ReadOnlyObjectProperty<ConnectionProfile> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<DialectKind> dialectProperty() {
        return dialect;
    }

    /** For SQLite the file's path, else the database's name. */
    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty hostProperty() {
        return host;
    }

    /** The port as typed; empty means the dialect's usual one ({@link #portPromptProperty()}). */
    public StringProperty portProperty() {
        return port;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    /** A password typed in the form; never saved in the profile, and cleared when another profile is shown. */
    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty sslProperty() {
        return ssl;
    }

    public StringProperty applicationUserProperty() {
        return applicationUser;
    }

    public BooleanProperty rememberPasswordProperty() {
        return rememberPassword;
    }

    /** Whether the form is for a file (SQLite) rather than a server: the view shows the fields that fit. */
    public ReadOnlyBooleanProperty fileBasedProperty() {
        return fileBased.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portPromptProperty() {
        return portPrompt.getReadOnlyProperty();
    }

    /** What the form still needs, in words; empty when it is complete. */
    public ReadOnlyStringProperty validationMessageProperty() {
        return validationMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** True while a file, keyring or database call of the manager is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TestStatus> testStatusProperty() {
        return testStatus.getReadOnlyProperty();
    }

    /** The server's version after a good test, "CODE: message" after a failed one. */
    public ReadOnlyStringProperty testMessageProperty() {
        return testMessage.getReadOnlyProperty();
    }

    /** What the last command did. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last command failed ("what: CODE: message"); empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Where remembered passwords go on this machine, for the form's hint. */
    public String passwordStorageExplanation() {
        return vault.explanation();
    }

    public BooleanBinding saveExecutableProperty() {
        return saveExecutable;
    }

    public BooleanBinding testExecutableProperty() {
        return testExecutable;
    }

    public BooleanBinding connectExecutableProperty() {
        return connectExecutable;
    }

    /** Duplicate, Rename and Delete: a saved profile is selected and nothing is under way. */
    public BooleanBinding selectionExecutableProperty() {
        return selectionExecutable;
    }
}
