package dev.tablewright.app.connection;

import dev.tablewright.app.dialog.ScriptedDialogService;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionManagerViewModelTest {
    @TempDir
    Path configDir;

    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final ConnectionRegistry registry = new ConnectionRegistry(Runnable::run);
    private final List<OpenConnection> opened = new ArrayList<>();

    @AfterEach
    void closeConnections() {
        registry.closeAll();
    }

    private ConnectionManagerViewModel viewModel() {
        PasswordVault vault = new PasswordVault(new EncryptedFileSecretStore(configDir, 10_000), "test vault");
        ConnectionManagerViewModel vm = new ConnectionManagerViewModel(new ProfileStore(configDir), vault, registry,
                new SameThreadTaskExecutor(), dialogs);
        vm.setOnConnected(opened::add);
        vm.load();
        return vm;
    }

    private static String existingSqliteFile() {
        String file = TestDatabases.fresh("sqlite").database();
        try (Connector c = Connector.connect(ConnectOptions.sqlite(file))) {
            c.defineTable("notes", Map.of("text", "string"));
        }
        return file;
    }

    private static void fillServerForm(ConnectionManagerViewModel vm, String dialect) {
        TestDatabases.TestDb db = TestDatabases.fresh(dialect);
        vm.nameProperty().set("Server " + dialect);
        vm.dialectProperty().set(DialectKind.of(dialect));
        vm.hostProperty().set(db.host());
        vm.portProperty().set(String.valueOf(db.port()));
        vm.databaseProperty().set(db.database());
        vm.usernameProperty().set(db.username());
        vm.passwordProperty().set(db.password() == null ? "" : db.password());
    }

    // --- validation ---

    @Test
    void aNewFormIsForSqliteAndAsksForAFileBeforeItCanBeSaved() {
        ConnectionManagerViewModel vm = viewModel();

        assertEquals(DialectKind.SQLITE, vm.dialectProperty().get());
        assertTrue(vm.fileBasedProperty().get());
        assertEquals("Choose a database file, or create a new one.", vm.validationMessageProperty().get());
        assertFalse(vm.saveExecutableProperty().get());
        assertFalse(vm.testExecutableProperty().get());
        assertFalse(vm.connectExecutableProperty().get());
        assertFalse(vm.selectionExecutableProperty().get(), "nothing saved is selected yet");
    }

    @Test
    void aServerFormNeedsHostDatabaseAndUserButNotAPort() {
        ConnectionManagerViewModel vm = viewModel();
        vm.dialectProperty().set(DialectKind.POSTGRES);
        vm.hostProperty().set("");

        assertFalse(vm.fileBasedProperty().get());
        assertEquals("5432", vm.portPromptProperty().get());
        assertEquals("Enter the server's host name or address.", vm.validationMessageProperty().get());
        vm.hostProperty().set("db.example.com");
        assertEquals("Enter the name of the database on the server.", vm.validationMessageProperty().get());
        vm.databaseProperty().set("shop");
        assertEquals("Enter the user name to log in with.", vm.validationMessageProperty().get());
        vm.usernameProperty().set("clerk");

        assertEquals("", vm.validationMessageProperty().get());
        assertTrue(vm.saveExecutableProperty().get());
    }

    @Test
    void aPortOutsideOneTo65535OrNotANumberIsRefused() {
        ConnectionManagerViewModel vm = viewModel();
        vm.dialectProperty().set(DialectKind.MARIADB);
        vm.databaseProperty().set("shop");
        vm.usernameProperty().set("clerk");

        for (String bad : List.of("0", "65536", "-1", "33o6", "3.5")) {
            vm.portProperty().set(bad);
            assertEquals("The port must be a whole number from 1 to 65535 (empty means 3306).",
                    vm.validationMessageProperty().get(), bad);
            assertFalse(vm.saveExecutableProperty().get(), bad);
        }
        vm.portProperty().set("65535");
        assertTrue(vm.validProperty().get());
    }

    @Test
    void twoProfilesCannotShareAName() {
        ConnectionManagerViewModel vm = viewModel();
        vm.nameProperty().set("Shop");
        vm.databaseProperty().set("/tmp/shop.db");
        vm.save();
        vm.newProfile();
        vm.databaseProperty().set("/tmp/other.db");

        vm.nameProperty().set("Shop");

        assertEquals("Another connection is already named 'Shop'.", vm.validationMessageProperty().get());
        vm.nameProperty().set("   ");
        assertEquals("Give the connection a name.", vm.validationMessageProperty().get());
    }

    // --- saving, duplicating, renaming, deleting ---

    @Test
    void aSavedProfileIsListedSelectedAndReadBackInTheNextSession() {
        ConnectionManagerViewModel vm = viewModel();
        fillServerForm(vm, "postgres");
        vm.sslProperty().set(true);
        vm.applicationUserProperty().set("Jane");

        vm.save();

        ConnectionProfile saved = vm.formProfile();
        assertEquals(List.of(saved), vm.profilesProperty());
        assertEquals(saved, vm.selectedProperty().get());
        assertTrue(saved.ssl());
        assertEquals("Jane", saved.applicationUser());
        assertEquals(List.of(saved), viewModel().profilesProperty());
        assertEquals("Saved 'Server postgres'.", vm.statusProperty().get());
    }

    @Test
    void aTypedPasswordIsNeverWrittenToTheProfilesFile() throws IOException {
        ConnectionManagerViewModel vm = viewModel();
        vm.dialectProperty().set(DialectKind.POSTGRES);
        vm.databaseProperty().set("shop");
        vm.usernameProperty().set("clerk");
        vm.passwordProperty().set("Tr0ub4dor&3");

        vm.save();

        assertFalse(Files.readString(configDir.resolve(ProfileStore.FILE_NAME)).contains("Tr0ub4dor&3"));
        assertEquals("", vm.passwordProperty().get(), "the form forgets it once saved");
    }

    @Test
    void changingTheNameOfASelectedProfileRenamesItInsteadOfAddingOne() {
        ConnectionManagerViewModel vm = viewModel();
        vm.nameProperty().set("Shop");
        vm.databaseProperty().set("/tmp/shop.db");
        vm.save();

        vm.nameProperty().set("Shop 2025");
        vm.save();

        assertEquals(List.of("Shop 2025"), vm.profilesProperty().stream().map(ConnectionProfile::name).toList());
    }

    @Test
    void duplicatingSavesACopyUnderAFreeNameAndSelectsIt() {
        ConnectionManagerViewModel vm = viewModel();
        vm.nameProperty().set("Shop");
        vm.databaseProperty().set("/tmp/shop.db");
        vm.save();

        vm.duplicate();
        vm.select(vm.profilesProperty().get(0));
        vm.duplicate();

        assertEquals(List.of("Shop", "Shop (copy) 2", "Shop (copy)"),
                vm.profilesProperty().stream().map(ConnectionProfile::name).toList());
        assertEquals("Shop (copy) 2", vm.selectedProperty().get().name());
        assertEquals("/tmp/shop.db", vm.selectedProperty().get().database());
        assertEquals(3, new ProfileStore(configDir).load().size());
    }

    @Test
    void renamingAsksForTheNewNameAndRefusesOneInUse() {
        ConnectionManagerViewModel vm = viewModel();
        vm.nameProperty().set("Shop");
        vm.databaseProperty().set("/tmp/shop.db");
        vm.save();
        vm.newProfile();
        vm.nameProperty().set("Stock");
        vm.databaseProperty().set("/tmp/stock.db");
        vm.save();

        dialogs.answerText("Shop");
        vm.rename();
        assertEquals("error|'Stock' was not renamed|Another connection is already named 'Shop'.",
                dialogs.shown().get(dialogs.shown().size() - 1));

        dialogs.answerText("Inventory");
        vm.rename();

        assertEquals(List.of("Shop", "Inventory"), new ProfileStore(configDir).load().stream().map(ConnectionProfile::name).toList());
        assertEquals("Inventory", vm.nameProperty().get());
    }

    @Test
    void deletingAsksFirstNamingTheProfileAndKeepsItWhenTheUserSaysNo() {
        ConnectionManagerViewModel vm = viewModel();
        vm.nameProperty().set("Shop");
        vm.databaseProperty().set("/tmp/shop.db");
        vm.save();

        dialogs.confirmWith(false);
        vm.delete();
        assertEquals(1, vm.profilesProperty().size());
        assertTrue(dialogs.shown().get(0).startsWith("confirm|Delete connection|Delete the connection 'Shop'?|"), dialogs.shown().get(0));

        dialogs.confirmWith(true);
        vm.delete();
        assertEquals(List.of(), vm.profilesProperty());
        assertEquals(List.of(), new ProfileStore(configDir).load());
        assertNull(vm.selectedProperty().get());
    }

    @Test
    void aDamagedProfilesFileIsReportedWithItsCodeAndTheListStartsEmpty() throws IOException {
        Files.writeString(configDir.resolve(ProfileStore.FILE_NAME), "{ not json");

        ConnectionManagerViewModel vm = viewModel();

        assertEquals(List.of(), vm.profilesProperty());
        assertTrue(vm.problemProperty().get().contains("PROFILES_UNREADABLE: "), vm.problemProperty().get());
        assertTrue(dialogs.shown().get(0).startsWith("error|Could not read the saved connections|PROFILES_UNREADABLE"),
                dialogs.shown().get(0));
    }

    // --- SQLite files ---

    @Test
    void choosingAnExistingFileFillsThePathAndNamesTheNewProfileAfterIt() {
        ConnectionManagerViewModel vm = viewModel();
        dialogs.chooseFile(Path.of("/data/inventory.sqlite"));

        vm.chooseExistingFile();

        assertEquals("/data/inventory.sqlite", vm.databaseProperty().get());
        assertEquals("inventory", vm.nameProperty().get());
        assertTrue(vm.validProperty().get());
    }

    @Test
    void cancellingTheFileChooserChangesNothing() {
        ConnectionManagerViewModel vm = viewModel();

        vm.chooseNewFile();

        assertEquals("", vm.databaseProperty().get());
        assertEquals("create file|New SQLite database|New-connection.db", dialogs.shown().get(0));
    }

    // --- testing and connecting ---

    @Test
    void testingASqliteFileReportsTheSqliteVersion() {
        ConnectionManagerViewModel vm = viewModel();
        vm.databaseProperty().set(existingSqliteFile());

        vm.testConnection();

        assertEquals(ConnectionManagerViewModel.TestStatus.OK, vm.testStatusProperty().get());
        assertTrue(vm.testMessageProperty().get().matches("Connected: SQLite 3\\.\\d+\\.\\d+\\."), vm.testMessageProperty().get());
    }

    @Test
    void testingAFileThatDoesNotExistDoesNotCreateIt() {
        ConnectionManagerViewModel vm = viewModel();
        Path file = configDir.resolve("new.db");
        vm.databaseProperty().set(file.toString());

        vm.testConnection();

        assertEquals(ConnectionManagerViewModel.TestStatus.OK, vm.testStatusProperty().get());
        assertTrue(vm.testMessageProperty().get().contains("does not exist yet"), vm.testMessageProperty().get());
        assertFalse(Files.exists(file));
    }

    @Test
    void testingAFileInAMissingFolderFailsWithTheCodeAndWhatToDo() {
        ConnectionManagerViewModel vm = viewModel();
        vm.databaseProperty().set(configDir.resolve("no-such-folder").resolve("x.db").toString());

        vm.testConnection();

        assertEquals(ConnectionManagerViewModel.TestStatus.FAILED, vm.testStatusProperty().get());
        assertTrue(vm.testMessageProperty().get().startsWith("CONNECTION_FAILED: The folder "), vm.testMessageProperty().get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void testingAServerReportsItsProductAndVersion(String dialect) {
        ConnectionManagerViewModel vm = viewModel();
        fillServerForm(vm, dialect);
        // The test servers take an empty password, which the form reads as "ask me".
        dialogs.answerPassword(vm.passwordProperty().get());

        vm.testConnection();

        assertEquals(ConnectionManagerViewModel.TestStatus.OK, vm.testStatusProperty().get(), vm.testMessageProperty().get());
        String expected = dialect.equals("postgres") ? "Connected: PostgreSQL \\d+.*" : "Connected: .*MariaDB.*";
        assertTrue(vm.testMessageProperty().get().matches(expected), vm.testMessageProperty().get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void testingAServerThatIsNotThereFailsWithTheErrorCode(String dialect) throws IOException {
        ConnectionManagerViewModel vm = viewModel();
        fillServerForm(vm, dialect);
        try (ServerSocket closed = new ServerSocket(0)) {
            vm.portProperty().set(String.valueOf(closed.getLocalPort()));
        }
        vm.passwordProperty().set("any");

        vm.testConnection();

        assertEquals(ConnectionManagerViewModel.TestStatus.FAILED, vm.testStatusProperty().get());
        assertTrue(vm.testMessageProperty().get().startsWith("CONNECTION_FAILED: Could not connect to "), vm.testMessageProperty().get());
    }

    @Test
    void connectingOpensTheConnectionInTheRegistryAndHandsItOn() {
        ConnectionManagerViewModel vm = viewModel();
        vm.nameProperty().set("Notes");
        vm.databaseProperty().set(existingSqliteFile());

        vm.connect();

        assertEquals(1, opened.size());
        assertEquals("Notes", opened.get(0).profileName());
        assertEquals(List.of("notes"), opened.get(0).call(Connector::getAllTables));
        assertEquals(List.of(opened.get(0)), registry.connections());
        assertEquals(List.of("Notes"), vm.profilesProperty().stream().map(ConnectionProfile::name).toList(), "connecting saved it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void aPasswordNotRememberedIsAskedOncePerSession(String dialect) {
        ConnectionManagerViewModel vm = viewModel();
        fillServerForm(vm, dialect);
        String password = vm.passwordProperty().get();
        vm.passwordProperty().set("");
        vm.save();
        ConnectionProfile profile = vm.selectedProperty().get();

        dialogs.answerPassword(password);
        vm.open(profile);
        registry.close(opened.get(0));
        vm.open(profile);

        assertEquals(2, opened.size());
        assertEquals(1, dialogs.shown().stream().filter(d -> d.startsWith("password|Password for Server " + dialect)).count());
        assertEquals(OpenConnection.State.OPEN, opened.get(1).stateProperty().get());
    }

    @Test
    void cancellingThePasswordQuestionConnectsNothing() {
        ConnectionManagerViewModel vm = viewModel();
        vm.dialectProperty().set(DialectKind.POSTGRES);
        vm.databaseProperty().set("shop");
        vm.usernameProperty().set("clerk");
        vm.save();

        vm.open(vm.selectedProperty().get());

        assertEquals(List.of(), opened);
        assertEquals(List.of(), registry.connections());
    }

    @Test
    void aRememberedPasswordIsProtectedByTheMasterPasswordAndNotAskedForInTheNextSession() {
        ConnectionManagerViewModel first = viewModel();
        fillServerForm(first, "postgres");
        first.passwordProperty().set("pg-secret");
        first.rememberPasswordProperty().set(true);
        dialogs.answerPassword("master of puppets");
        first.save();
        assertTrue(dialogs.shown().get(0).startsWith("password|Master password|Choose a master password."), dialogs.shown().get(0));

        dialogs.shown().clear();
        ConnectionManagerViewModel next = viewModel();
        dialogs.answerPassword("master of puppets");
        next.open(next.profilesProperty().get(0));

        assertEquals(1, opened.size(), next.problemProperty().get());
        assertEquals(List.of("password|Master password|Enter the master password that protects the remembered passwords in "
                + "the encrypted file " + configDir.resolve(EncryptedFileSecretStore.FILE_NAME) + "."), dialogs.shown());
    }

    @Test
    void aWrongMasterPasswordIsReportedAndTheDatabasePasswordAskedInstead() {
        ConnectionManagerViewModel first = viewModel();
        fillServerForm(first, "postgres");
        first.passwordProperty().set("pg-secret");
        first.rememberPasswordProperty().set(true);
        dialogs.answerPassword("right master");
        first.save();

        dialogs.shown().clear();
        ConnectionManagerViewModel next = viewModel();
        dialogs.answerPassword("wrong master").answerPassword("typed again");
        next.open(next.profilesProperty().get(0));

        assertTrue(dialogs.shown().get(1).startsWith("error|Could not read the saved password of 'Server postgres'|"
                + "WRONG_MASTER_PASSWORD: "), dialogs.shown().get(1));
        assertTrue(dialogs.shown().get(2).startsWith("password|Password for Server postgres"), dialogs.shown().get(2));
        assertEquals(1, opened.size());
    }
}
