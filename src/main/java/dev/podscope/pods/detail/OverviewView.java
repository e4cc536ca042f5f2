package dev.podscope.pods.detail;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Map;
import java.util.function.Function;

/**
 * The Overview tab: status, node, IPs, QoS, service account and age; the owner chain with links (to the owner's
 * pods in the table, and to their merged logs); conditions; labels and annotations.
 */
final class OverviewView extends ScrollPane {
    private final PodDetailViewModel model;
    private final GridPane fields = new GridPane();
    private final HBox owners = new HBox(6);
    private final TableView<PodOverview.Condition> conditions = new TableView<>();
    private final FlowPane labels = new FlowPane(6, 4);
    private final GridPane annotations = new GridPane();

    OverviewView(PodDetailViewModel model) {
        this.model = model;
        setId("detail-overview");
        getStyleClass().addAll("detail-overview", "edge-to-edge");
        setFitToWidth(true);
        fields.getStyleClass().add("detail-fields");
        fields.setHgap(14);
        fields.setVgap(3);
        owners.setId("detail-owners");
        owners.getStyleClass().add("detail-owners");
        labels.setId("detail-labels");
        annotations.setId("detail-annotations");
        annotations.getStyleClass().add("detail-fields");
        annotations.setHgap(14);
        annotations.setVgap(3);
        conditionsTable();
        VBox content = new VBox(8, fields, heading("Controlled by"), owners, heading("Conditions"), conditions,
                heading("Labels"), labels, heading("Annotations"), annotations);
        content.setPadding(new Insets(8, 12, 12, 12));
        setContent(content);
        model.overviewProperty().subscribe(this::show);
        model.owners().addListener((ListChangeListener<OwnerChain.Link>) change -> showOwners());
        model.ownersNoteProperty().subscribe(note -> showOwners());
    }

    private void show(PodOverview overview) {
        fields.getChildren().clear();
        labels.getChildren().clear();
        annotations.getChildren().clear();
        if (overview == null) {
            conditions.getItems().clear();
            return;
        }
        fill(fields, overview.fields(), "field-");
        overview.labels().forEach((k, v) -> {
            Label chip = new Label(k + "=" + v);
            chip.getStyleClass().add("detail-chip");
            labels.getChildren().add(chip);
        });
        if (overview.labels().isEmpty()) {
            labels.getChildren().add(muted("none"));
        }
        fill(annotations, overview.annotations(), "annotation-");
        if (overview.annotations().isEmpty()) {
            annotations.add(muted("none"), 0, 0);
        }
        if (!conditions.getItems().equals(overview.conditions())) {
            conditions.getItems().setAll(overview.conditions());
        }
        conditions.setPrefHeight(30 + 26 * Math.max(1, overview.conditions().size()));
    }

    private static void fill(GridPane grid, Map<String, String> values, String idPrefix) {
        int row = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            Label key = new Label(e.getKey());
            key.getStyleClass().add("field-key");
            Label value = new Label(e.getValue());
            value.setId(idPrefix + e.getKey().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            value.getStyleClass().add("field-value");
            value.setWrapText(true);
            grid.addRow(row++, key, value);
        }
    }

    private void showOwners() {
        owners.getChildren().clear();
        owners.getChildren().add(new Label("Pod"));
        for (OwnerChain.Link link : model.owners()) {
            owners.getChildren().add(new Label("→"));
            Hyperlink owner = new Hyperlink(link.label());
            owner.setId("owner-" + link.kind().toLowerCase(java.util.Locale.ROOT));
            owner.setTooltip(new Tooltip(link.problem() != null ? link.label() + ": " + link.problem()
                    : "Show the pods of " + link.label() + " in the table (" + link.selector() + ")"));
            owner.setDisable(link.problem() != null || link.selector().isEmpty());
            owner.setOnAction(event -> model.showPodsOf(link));
            owners.getChildren().add(owner);
            if (link.hasLogs()) {
                Hyperlink logs = new Hyperlink("(logs)");
                logs.setId("owner-logs-" + link.kind().toLowerCase(java.util.Locale.ROOT));
                logs.setTooltip(new Tooltip("All pods of " + link.label() + " in the Logs tab, merged"));
                logs.setOnAction(event -> model.showLogsOf(link));
                owners.getChildren().add(logs);
            }
        }
        String note = model.ownersNoteProperty().get();
        if (note != null && !note.isEmpty()) {
            owners.getChildren().setAll(muted(note));
        }
    }

    private void conditionsTable() {
        conditions.setId("detail-conditions");
        conditions.getStyleClass().add("detail-conditions");
        conditions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        conditions.getColumns().add(column("Type", PodOverview.Condition::type, 150));
        conditions.getColumns().add(column("Status", PodOverview.Condition::status, 60));
        conditions.getColumns().add(column("Reason", PodOverview.Condition::reason, 130));
        conditions.getColumns().add(column("Last transition", PodOverview.Condition::lastTransition, 110));
        conditions.getColumns().add(column("Message", PodOverview.Condition::message, 300));
        conditions.setPlaceholder(new Label("No conditions"));
        conditions.setFocusTraversable(false);
    }

    private static TableColumn<PodOverview.Condition, String> column(String title,
                                                                     Function<PodOverview.Condition, String> value,
                                                                     double width) {
        TableColumn<PodOverview.Condition, String> column = new TableColumn<>(title);
        column.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("detail-heading");
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("detail-muted");
        return label;
    }
}
