package dev.podscope.portforward;

import dev.podscope.portforward.StartForwardViewModel.Kind;
import dev.podscope.ui.Icon;
import dev.podscope.ui.Themes;
import io.kubernetes.client.openapi.models.V1Service;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.Objects;

/**
 * The start-forward form: pod or Service, remote port, local port, address (with a warning off loopback). Enter
 * starts, Esc cancels; the window closes once the forward is active, or shows why it could not start.
 */
public final class StartForwardDialog extends VBox {

    public StartForwardDialog(StartForwardViewModel model, Runnable onDone) {
        setId("start-forward");
        getStyleClass().add("start-forward");
        getStylesheets().add(Objects.requireNonNull(StartForwardDialog.class.getResource("forwards.css")).toExternalForm());
        setSpacing(12);

        Label title = new Label(model.title(), Icon.FORWARD.graphic());
        title.getStyleClass().add("dialog-title");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        int row = 0;

        ToggleGroup kinds = new ToggleGroup();
        RadioButton podKind = new RadioButton(model.hasPod() ? "Pod " + model.podName() : "Pod");
        podKind.setId("start-forward-pod");
        podKind.setToggleGroup(kinds);
        podKind.setDisable(!model.hasPod());
        RadioButton serviceKind = new RadioButton("Service");
        serviceKind.setId("start-forward-service");
        serviceKind.setToggleGroup(kinds);
        kinds.selectToggle(model.kindProperty().get() == Kind.POD ? podKind : serviceKind);
        kinds.selectedToggleProperty().subscribe(t -> model.kindProperty().set(t == serviceKind ? Kind.SERVICE : Kind.POD));
        form.addRow(row++, fieldLabel("Target"), new HBox(16, podKind, serviceKind));

        ComboBox<V1Service> service = new ComboBox<>(model.services());
        service.setId("start-forward-service-choice");
        service.valueProperty().bindBidirectional(model.serviceProperty());
        service.setConverter(new StringConverter<>() {
            @Override
            public String toString(V1Service s) {
                return s == null ? "" : s.getMetadata().getName();
            }

            @Override
            public V1Service fromString(String text) {
                return null;
            }
        });
        service.setPromptText("Loading Services…");
        service.setMaxWidth(Double.MAX_VALUE);
        Label serviceLabel = fieldLabel("Service");
        serviceLabel.visibleProperty().bind(model.kindProperty().isEqualTo(Kind.SERVICE));
        service.visibleProperty().bind(serviceLabel.visibleProperty());
        serviceLabel.managedProperty().bind(serviceLabel.visibleProperty());
        service.managedProperty().bind(serviceLabel.visibleProperty());
        form.addRow(row++, serviceLabel, service);

        ComboBox<PortChoice> port = new ComboBox<>(model.ports());
        port.setId("start-forward-port");
        port.setEditable(true);
        port.setPromptText("a port number");
        port.setConverter(new StringConverter<>() {
            @Override
            public String toString(PortChoice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public PortChoice fromString(String text) {
                // a label picked from the list, or a number typed for a port the pod does not declare
                return model.ports().stream().filter(p -> p.label().equals(text)).findFirst()
                        .orElseGet(() -> PortChoice.typed(text));
            }
        });
        port.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PortChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        port.valueProperty().bindBidirectional(model.portProperty());
        port.setMaxWidth(Double.MAX_VALUE);
        form.addRow(row++, fieldLabel("Remote port"), port);

        TextField local = new TextField();
        local.setId("start-forward-local");
        local.textProperty().bindBidirectional(model.localPortProperty());
        local.promptTextProperty().bind(model.localPortHintProperty().map(h -> h.isEmpty() ? "any free port" : h));
        form.addRow(row++, fieldLabel("Local port"), local);

        TextField address = new TextField();
        address.setId("start-forward-address");
        address.textProperty().bindBidirectional(model.addressProperty());
        form.addRow(row++, fieldLabel("Address"), address);

        Label warning = new Label(null, Icon.POD_WARNING.graphic());
        warning.setId("start-forward-warning");
        warning.getStyleClass().add("address-warning");
        warning.textProperty().bind(model.addressWarning());
        warning.visibleProperty().bind(model.addressWarning().map(w -> true).orElse(false));
        warning.managedProperty().bind(warning.visibleProperty());
        warning.setWrapText(true);
        form.add(warning, 1, row++);

        GridPane.setHgrow(port, Priority.ALWAYS);
        form.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(90),
                new javafx.scene.layout.ColumnConstraints(260, 340, Double.MAX_VALUE, Priority.ALWAYS, null, true));

        Label error = new Label();
        error.setId("start-forward-error");
        error.getStyleClass().add("start-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        error.setMaxWidth(440);

        Button cancel = new Button("Cancel");
        cancel.setId("start-forward-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> onDone.run());
        Button start = new Button("Start", Icon.START.graphic());
        start.setId("start-forward-start");
        start.getStyleClass().add("accent");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.canStart().not());
        start.setOnAction(event -> {
            // an edited port number is committed on focus loss; commit it before starting
            port.commitValue();
            model.start(onDone);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label busy = new Label("Starting…");
        busy.visibleProperty().bind(model.busyProperty());
        HBox buttons = new HBox(8, busy, spacer, cancel, start);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(title, form, error, buttons);
        setPadding(new Insets(14));
        setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                onDone.run();
            }
        });
    }

    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    /** Shows the dialog over {@code owner} (modal to it); returns the stage, closed when the forward started. */
    public static Stage show(Window owner, StartForwardViewModel model) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(model.title());
        StartForwardDialog dialog = new StartForwardDialog(model, stage::close);
        Scene scene = new Scene(dialog);
        Themes.addStylesheet(scene);
        stage.setScene(scene);
        // the error and the address warning add lines: grow the window so the buttons stay in it
        model.errorProperty().subscribe(e -> stage.sizeToScene());
        model.addressWarning().subscribe(w -> stage.sizeToScene());
        stage.show();
        return stage;
    }
}
