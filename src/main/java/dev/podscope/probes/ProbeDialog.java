package dev.podscope.probes;

import dev.podscope.probes.ProbeViewModel.AdHoc;
import dev.podscope.probes.ProbeViewModel.Outcome;
import dev.podscope.ui.Icon;
import dev.podscope.ui.Themes;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The probe dialog: container and probe kind (only those declared), Run and Repeat N, the verdict with latency,
 * HTTP status and first bytes, the kubelet's view next to it, the recent results, and an ad-hoc HTTP/TCP check.
 */
public final class ProbeDialog extends VBox {
    private static final PseudoClass SUCCESS = PseudoClass.getPseudoClass("success");
    private static final PseudoClass FAILURE = PseudoClass.getPseudoClass("failure");
    private static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    public ProbeDialog(ProbeViewModel model) {
        setId("probe-dialog");
        getStyleClass().add("probe-dialog");
        getStylesheets().add(Objects.requireNonNull(ProbeDialog.class.getResource("probes.css")).toExternalForm());
        setSpacing(10);

        Label title = new Label(model.title(), Icon.PROBE.graphic());
        title.getStyleClass().add("dialog-title");

        ComboBox<String> container = new ComboBox<>(model.containers());
        container.setId("probe-container");
        container.valueProperty().bindBidirectional(model.containerProperty());
        container.setPromptText("no probes");
        container.setPrefWidth(220);
        ComboBox<ProbeKind> kind = new ComboBox<>(model.kinds());
        kind.setId("probe-kind");
        kind.setPrefWidth(140);
        kind.valueProperty().bindBidirectional(model.kindProperty());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProbeKind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public ProbeKind fromString(String s) {
                return null;
            }
        });
        Button run = new Button("Run", Icon.START.graphic());
        run.setId("probe-run");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(model.kindProperty().isNull());
        run.setOnAction(e -> model.run());
        Spinner<Integer> times = new Spinner<>(1, 100, model.repeatTimesProperty().get());
        times.setId("probe-repeat-times");
        times.setEditable(true);
        times.setPrefWidth(80);
        times.valueProperty().subscribe(v -> model.repeatTimesProperty().set(v));
        times.setTooltip(new Tooltip("How many runs, periodSeconds apart"));
        Button repeat = new Button("Repeat", Icon.REPEAT.graphic());
        repeat.setId("probe-repeat");
        repeat.disableProperty().bind(model.kindProperty().isNull());
        repeat.setOnAction(e -> model.repeat());
        Button stop = new Button(null, Icon.STOP.graphic());
        stop.setId("probe-stop");
        stop.setTooltip(new Tooltip("Stop repeating"));
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(e -> model.cancelRepeat());
        HBox chooser = new HBox(8, label("Container"), container, label("Probe"), kind);
        chooser.setAlignment(Pos.CENTER_LEFT);
        Label timesLabel = label("times");
        HBox actions = new HBox(8, run, repeat, times, timesLabel, stop);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label definition = new Label();
        definition.setId("probe-definition");
        definition.getStyleClass().add("probe-definition");
        definition.textProperty().bind(model.definitionProperty());

        Label status = new Label();
        status.setId("probe-status");
        status.getStyleClass().add("probe-status");
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        getChildren().addAll(title, chooser, definition, actions, adHoc(model), status, result(model), history(model));
        VBox.setVgrow(getChildren().getLast(), Priority.ALWAYS);
    }

    private static HBox adHoc(ProbeViewModel model) {
        ToggleGroup how = new ToggleGroup();
        RadioButton http = new RadioButton("HTTP GET");
        http.setId("probe-adhoc-http");
        http.setToggleGroup(how);
        RadioButton tcp = new RadioButton("TCP connect");
        tcp.setId("probe-adhoc-tcp");
        tcp.setToggleGroup(how);
        how.selectToggle(model.adHocProperty().get() == AdHoc.TCP ? tcp : http);
        how.selectedToggleProperty().subscribe(t -> model.adHocProperty().set(t == tcp ? AdHoc.TCP : AdHoc.HTTP));
        TextField port = new TextField();
        port.setId("probe-adhoc-port");
        port.setPrefColumnCount(6);
        port.setPromptText("port");
        port.textProperty().bindBidirectional(model.adHocPortProperty());
        TextField path = new TextField();
        path.setId("probe-adhoc-path");
        path.setPromptText("/path");
        path.textProperty().bindBidirectional(model.adHocPathProperty());
        path.disableProperty().bind(model.adHocProperty().isEqualTo(AdHoc.TCP));
        HBox.setHgrow(path, Priority.ALWAYS);
        Button check = new Button("Check");
        check.setId("probe-adhoc-run");
        check.setOnAction(e -> model.runAdHoc());
        path.setOnAction(e -> model.runAdHoc());
        HBox box = new HBox(8, label("Ad-hoc"), http, tcp, port, path, check);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("probe-adhoc");
        return box;
    }

    private static VBox result(ProbeViewModel model) {
        Label verdict = new Label("No run yet");
        verdict.setId("probe-verdict");
        verdict.getStyleClass().add("probe-verdict");
        Label figures = new Label();
        figures.setId("probe-figures");
        figures.getStyleClass().add("probe-figures");
        Label message = new Label();
        message.setId("probe-message");
        message.setWrapText(true);
        TextArea body = new TextArea();
        body.setId("probe-output");
        body.getStyleClass().add("probe-output");
        body.setEditable(false);
        body.setWrapText(true);
        body.setPrefRowCount(4);
        body.setPromptText("first bytes of the response body or command output");
        Label kubelet = new Label();
        kubelet.setId("probe-kubelet");
        kubelet.getStyleClass().add("probe-kubelet");
        kubelet.setWrapText(true);
        Label agreement = new Label();
        agreement.setId("probe-agreement");
        agreement.getStyleClass().add("probe-agreement");
        agreement.visibleProperty().bind(agreement.textProperty().isNotEmpty());
        agreement.setMinWidth(Region.USE_PREF_SIZE);
        agreement.managedProperty().bind(agreement.visibleProperty());

        model.outcomeProperty().subscribe(outcome -> {
            if (outcome == null) {
                return;
            }
            ProbeResult r = outcome.result();
            verdict.setText((r.success() ? "Success" : "Failure") + " — " + outcome.what());
            verdict.setGraphic((r.success() ? Icon.POD_RUNNING : Icon.POD_FAILED).graphic());
            verdict.pseudoClassStateChanged(SUCCESS, r.success());
            verdict.pseudoClassStateChanged(FAILURE, !r.success());
            figures.setText(ProbeTexts.figures(r));
            message.setText(r.message() == null ? "" : r.message());
            body.setText(r.output() == null ? "" : r.output());
            kubelet.setText(ProbeTexts.kubelet(outcome.comparison(), outcome.comparisonProblem()));
            agreement.setText(ProbeTexts.agreement(outcome.comparison()));
            agreement.pseudoClassStateChanged(DIFFERS, outcome.comparison() != null && !outcome.comparison().agrees());
        });
        HBox head = new HBox(12, verdict, figures);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox compare = new HBox(10, agreement, kubelet);
        compare.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(kubelet, Priority.ALWAYS);
        VBox box = new VBox(6, head, message, body, compare);
        box.getStyleClass().add("probe-result");
        return box;
    }

    private static VBox history(ProbeViewModel model) {
        ListView<Outcome> list = new ListView<>(model.history());
        list.setId("probe-history");
        list.getStyleClass().add("probe-history");
        list.setPlaceholder(new Label("Results appear here"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Outcome item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(SUCCESS, !empty && item != null && item.result().success());
                pseudoClassStateChanged(FAILURE, !empty && item != null && !item.result().success());
                setText(empty || item == null ? null : TIME.format(item.result().when()) + "  "
                        + item.what() + ": " + ProbeTexts.figures(item.result()));
            }
        });
        list.setPrefHeight(130);
        VBox.setVgrow(list, Priority.ALWAYS);
        Label caption = label("Recent results (newest first)");
        VBox box = new VBox(4, caption, list);
        return box;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** Shows the dialog beside {@code owner} (not modal: a repeat may run while the user looks elsewhere). */
    public static Stage show(Window owner, ProbeViewModel model) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(model.title());
        Scene scene = new Scene(new ProbeDialog(model), 760, 600);
        Themes.addStylesheet(scene);
        stage.setScene(scene);
        stage.setOnHidden(e -> model.close());
        stage.show();
        return stage;
    }
}
