package dev.podscope.bundle.export;

import dev.podscope.bundle.LogSelection;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;

/** The Export bundle dialog's content: scope, logs, file, then progress with the current step, Export and Cancel. */
public final class BundleExportView extends VBox {
    private final BundleExportViewModel model;

    public BundleExportView(BundleExportViewModel model, Runnable close) {
        super(12);
        this.model = model;
        setId("bundle-export");
        setPadding(new Insets(16));
        setPrefWidth(560);

        Label title = new Label("Export a diagnostic bundle");
        title.getStyleClass().add("title-4");
        Label note = new Label("Pods, events, workloads and logs in one zip. Secret values are never collected;"
                + " passwords, tokens and keys are masked (see manifest.json).");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");

        VBox scopes = new VBox(6);
        ToggleGroup group = new ToggleGroup();
        for (BundleExportViewModel.Scope choice : BundleExportViewModel.Scope.values()) {
            RadioButton button = new RadioButton(model.label(choice));
            button.setId("scope-" + choice.name().toLowerCase().replace('_', '-'));
            button.setToggleGroup(group);
            button.setUserData(choice);
            button.setDisable(!model.available(choice));
            button.setSelected(model.scopeProperty().get() == choice);
            scopes.getChildren().add(button);
        }
        group.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                model.scopeProperty().set((BundleExportViewModel.Scope) t.getUserData());
            }
        });

        ComboBox<LogSelection> logs = new ComboBox<>();
        logs.setId("logs-choice");
        logs.getItems().setAll(LogSelection.values());
        logs.valueProperty().bindBidirectional(model.logsProperty());
        logs.setConverter(new StringConverter<>() {
            @Override
            public String toString(LogSelection s) {
                return s == null ? "" : switch (s) {
                    case ALL -> "All pods (current and previous, 10 MB each)";
                    case UNHEALTHY -> "Unhealthy pods only";
                    case NONE -> "No logs";
                };
            }

            @Override
            public LogSelection fromString(String s) {
                return null;
            }
        });
        CheckBox configMaps = new CheckBox("Include ConfigMap data (sensitive keys stay masked)");
        configMaps.setId("configmap-data");
        configMaps.selectedProperty().bindBidirectional(model.configMapDataProperty());

        TextField file = new TextField();
        file.setId("bundle-file");
        file.textProperty().bindBidirectional(model.fileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setId("browse");
        browse.setOnAction(e -> browse());
        HBox fileRow = new HBox(6, file, browse);

        GridPane form = new GridPane(12, 10);
        form.addRow(0, new Label("Collect"), scopes);
        form.addRow(1, new Label("Logs"), logs);
        form.add(configMaps, 1, 2);
        form.addRow(3, new Label("Save to"), fileRow);
        GridPane.setHgrow(fileRow, Priority.ALWAYS);
        form.getChildren().stream().filter(n -> n instanceof Label).forEach(n -> GridPane.setValignment(n, javafx.geometry.VPos.TOP));
        form.disableProperty().bind(model.runningProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("bundle-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label step = new Label();
        step.setId("bundle-step");
        step.textProperty().bind(model.stepProperty());
        step.setMaxWidth(Double.MAX_VALUE);
        Label outcome = new Label();
        outcome.setId("bundle-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(model.outcomeProperty());
        model.failedProperty().subscribe(failed -> {
            outcome.getStyleClass().removeAll("danger", "success");
            outcome.getStyleClass().add(failed ? "danger" : "success");
        });

        Button export = new Button("Export");
        export.setId("export");
        export.setDefaultButton(true);
        export.disableProperty().bind(model.canExport().not());
        export.setOnAction(e -> model.export());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setOnAction(e -> {
            if (model.runningProperty().get()) {
                model.cancel();
            } else {
                close.run();
            }
        });
        cancel.textProperty().bind(model.runningProperty().map(r -> r ? "Cancel" : "Close"));
        HBox buttons = new HBox(8, cancel, export);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(title, note, form, bar, step, outcome, buttons);
        // never squeeze a line away: the window grows instead when the outcome needs two lines
        getChildren().forEach(child -> ((Region) child).setMinHeight(Region.USE_PREF_SIZE));
        outcome.textProperty().subscribe(text -> {
            if (getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().sizeToScene();
            }
        });
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save diagnostic bundle");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Zip files", "*.zip"));
        Path current = Path.of(model.fileProperty().get());
        if (current.toAbsolutePath().getParent() != null) {
            File parent = current.toAbsolutePath().getParent().toFile();
            if (parent.isDirectory()) {
                chooser.setInitialDirectory(parent);
            }
        }
        chooser.setInitialFileName(current.getFileName() == null ? "bundle.zip" : current.getFileName().toString());
        File chosen = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            model.fileProperty().set(chosen.getAbsolutePath());
        }
    }
}
