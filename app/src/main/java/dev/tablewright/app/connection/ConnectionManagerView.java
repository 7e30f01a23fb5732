package dev.tablewright.app.connection;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The connection manager as a dialog-like pane: the saved profiles on the left, the selected
 * profile's form on the right (file fields for SQLite, server fields otherwise), and the commands
 * below. It binds to {@link ConnectionManagerViewModel} and holds no logic of its own.
 */
public final class ConnectionManagerView {
    private final ConnectionManagerViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final ListView<ConnectionProfile> list = new ListView<>();

    public ConnectionManagerView(ConnectionManagerViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("connectionManager");
        root.getStyleClass().add("connection-manager");
        root.getStylesheets().add(ConnectionManagerView.class.getResource("connection.css").toExternalForm());
        root.setLeft(profileList());
        root.setCenter(form());
        root.setBottom(commands());
    }

    public Parent root() {
        return root;
    }

    private Node profileList() {
        Label title = new Label("Connections");
        title.getStyleClass().addAll(Styles.TITLE_4, "pane-title");

        list.setId("profileList");
        list.setItems(viewModel.profilesProperty());
        list.setCellFactory(view -> new ProfileCell());
        list.setPlaceholder(new Label("No saved connections yet"));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && !item.equals(viewModel.selectedProperty().get())) {
                viewModel.select(item);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, profile) -> {
            if (profile == null) {
                list.getSelectionModel().clearSelection();
            } else if (!profile.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(profile);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button add = iconButton("newProfile", Feather.PLUS, "New connection");
        add.setOnAction(e -> viewModel.newProfile());
        Button duplicate = iconButton("duplicateProfile", Feather.COPY, "Duplicate the selected connection");
        duplicate.setOnAction(e -> viewModel.duplicate());
        Button rename = iconButton("renameProfile", Feather.EDIT_2, "Rename the selected connection");
        rename.setOnAction(e -> viewModel.rename());
        Button delete = iconButton("deleteProfile", Feather.TRASH_2, "Delete the selected connection");
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> viewModel.delete());
        for (Button b : new Button[] {duplicate, rename, delete}) {
            b.disableProperty().bind(viewModel.selectionExecutableProperty().not());
        }
        HBox tools = new HBox(4, add, duplicate, rename, delete);
        tools.setAlignment(Pos.CENTER_LEFT);

        VBox pane = new VBox(8, title, list, tools);
        pane.getStyleClass().add("profile-pane");
        return pane;
    }

    private Node form() {
        Label heading = new Label();
        heading.setId("formHeading");
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.textProperty().bind(Bindings.when(viewModel.selectedProperty().isNull())
                .then("New connection").otherwise(viewModel.nameProperty()));

        TextField name = textField("profileName", viewModel.nameProperty().get());
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        ComboBox<DialectKind> dialect = new ComboBox<>();
        dialect.setId("profileDialect");
        dialect.getItems().setAll(DialectKind.values());
        dialect.valueProperty().bindBidirectional(viewModel.dialectProperty());
        dialect.setMaxWidth(Double.MAX_VALUE);

        GridPane common = grid();
        common.addRow(0, label("Name", name), name);
        common.addRow(1, label("Type", dialect), dialect);

        GridPane file = grid();
        TextField path = textField("databaseFile", "Path of the SQLite file");
        path.textProperty().bindBidirectional(viewModel.databaseProperty());
        Button open = new Button("Open…", new FontIcon(Feather.FOLDER));
        open.setId("openFile");
        open.setOnAction(e -> viewModel.chooseExistingFile());
        Button create = new Button("New…", new FontIcon(Feather.FILE_PLUS));
        create.setId("createFile");
        create.setOnAction(e -> viewModel.chooseNewFile());
        HBox pathRow = new HBox(6, path, open, create);
        HBox.setHgrow(path, Priority.ALWAYS);
        file.addRow(0, label("File", path), pathRow);
        showWhen(file, true);

        GridPane server = grid();
        TextField host = textField("host", "localhost");
        host.textProperty().bindBidirectional(viewModel.hostProperty());
        TextField port = textField("port", "");
        port.promptTextProperty().bind(viewModel.portPromptProperty());
        port.textProperty().bindBidirectional(viewModel.portProperty());
        port.setPrefColumnCount(6);
        Label portLabel = label("Port", port);
        HBox hostRow = new HBox(6, host, portLabel, port);
        hostRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(host, Priority.ALWAYS);
        TextField databaseName = textField("databaseName", "Name of the database");
        databaseName.textProperty().bindBidirectional(viewModel.databaseProperty());
        TextField user = textField("username", "");
        user.textProperty().bindBidirectional(viewModel.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText("Asked when connecting if left empty");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        CheckBox remember = new CheckBox("Remember the password");
        remember.setId("rememberPassword");
        remember.selectedProperty().bindBidirectional(viewModel.rememberPasswordProperty());
        remember.setTooltip(new Tooltip(viewModel.passwordStorageExplanation()));
        CheckBox ssl = new CheckBox("Use SSL/TLS");
        ssl.setId("ssl");
        ssl.selectedProperty().bindBidirectional(viewModel.sslProperty());
        Label hint = new Label(viewModel.passwordStorageExplanation());
        hint.setId("passwordHint");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        server.addRow(0, label("Host", host), hostRow);
        server.addRow(1, label("Database", databaseName), databaseName);
        server.addRow(2, label("User", user), user);
        server.addRow(3, label("Password", password), password);
        server.add(new HBox(16, remember, ssl), 1, 4);
        server.add(hint, 1, 5);
        showWhen(server, false);

        GridPane extra = grid();
        TextField appUser = textField("applicationUser", "Optional: the name $USER stands for in history");
        appUser.textProperty().bindBidirectional(viewModel.applicationUserProperty());
        extra.addRow(0, label("App user", appUser), appUser);

        Label validation = new Label();
        validation.setId("validationMessage");
        validation.setWrapText(true);
        validation.getStyleClass().add(Styles.WARNING);
        validation.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        validation.textProperty().bind(viewModel.validationMessageProperty());
        validation.visibleProperty().bind(viewModel.validProperty().not());
        validation.managedProperty().bind(validation.visibleProperty());

        Label testResult = new Label();
        testResult.setId("testResult");
        testResult.setWrapText(true);
        testResult.textProperty().bind(viewModel.testMessageProperty());
        testResult.visibleProperty().bind(viewModel.testMessageProperty().isNotEmpty());
        testResult.managedProperty().bind(testResult.visibleProperty());
        viewModel.testStatusProperty().addListener((obs, old, status) -> showTestStatus(testResult, status));

        Label problem = new Label();
        problem.setId("managerProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        VBox form = new VBox(12, heading, common, file, server, extra, validation, testResult, problem);
        form.getStyleClass().add("profile-form");
        return form;
    }

    private Node commands() {
        Label status = new Label();
        status.setId("managerStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(viewModel.statusProperty());

        Button test = new Button("Test connection", new FontIcon(Feather.ZAP));
        test.setId("testConnection");
        test.disableProperty().bind(viewModel.testExecutableProperty().not());
        test.setOnAction(e -> viewModel.testConnection());
        Button save = new Button("Save", new FontIcon(Feather.SAVE));
        save.setId("saveProfile");
        save.disableProperty().bind(viewModel.saveExecutableProperty().not());
        save.setOnAction(e -> viewModel.save());
        Button connect = new Button("Connect", new FontIcon(Feather.LOG_IN));
        connect.setId("connect");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setDefaultButton(true);
        connect.disableProperty().bind(viewModel.connectExecutableProperty().not());
        connect.setOnAction(e -> viewModel.connect());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, status, spacer, test, save, connect);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("command-bar");
        return bar;
    }

    private static void showTestStatus(Label label, ConnectionManagerViewModel.TestStatus status) {
        label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
        switch (status) {
            case OK -> {
                label.getStyleClass().add(Styles.SUCCESS);
                label.setGraphic(new FontIcon(Feather.CHECK_CIRCLE));
            }
            case FAILED -> {
                label.getStyleClass().add(Styles.DANGER);
                label.setGraphic(new FontIcon(Feather.X_CIRCLE));
            }
            case RUNNING -> {
                label.getStyleClass().add(Styles.TEXT_MUTED);
                label.setGraphic(new FontIcon(Feather.LOADER));
            }
            case NONE -> label.setGraphic(null);
        }
    }

    private void showWhen(Node node, boolean fileBased) {
        node.visibleProperty().bind(fileBased ? viewModel.fileBasedProperty() : viewModel.fileBasedProperty().not());
        node.managedProperty().bind(node.visibleProperty());
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints(90);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    private static TextField textField(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setMaxWidth(Double.MAX_VALUE);
        return field;
    }

    private static Label label(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Button iconButton(String id, Feather icon, String tooltip) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    /** A profile in the list: its dialect's icon, its name, and where it points. */
    private static final class ProfileCell extends ListCell<ConnectionProfile> {
        @Override
        protected void updateItem(ConnectionProfile profile, boolean empty) {
            super.updateItem(profile, empty);
            if (empty || profile == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(profile.name());
            name.getStyleClass().addAll(Styles.TEXT_BOLD, "profile-name");
            Label where = new Label(profile.dialect().displayName() + " · " + profile.location());
            where.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            FontIcon icon = new FontIcon(profile.dialect().isFileBased() ? Feather.HARD_DRIVE : Feather.SERVER);
            icon.getStyleClass().add("profile-icon");
            HBox cell = new HBox(8, icon, new VBox(1, name, where));
            cell.setAlignment(Pos.CENTER_LEFT);
            cell.setPadding(new Insets(2, 0, 2, 0));
            // Long paths end in an ellipsis rather than widening the list past its pane.
            where.setMinWidth(0);
            name.setMinWidth(0);
            setPrefWidth(0);
            setText(null);
            setGraphic(cell);
        }
    }
}
