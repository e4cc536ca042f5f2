package dev.podscope.pods;

import dev.podscope.format.PodRow;
import dev.podscope.ui.Icon;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The placeholder pod detail: a header with name, namespace and status, then the pod's YAML. */
public final class PodDetailView extends VBox {

    public PodDetailView(PodDetailViewModel model, Runnable onClose) {
        getStyleClass().add("pod-detail");
        setId("pod-detail");
        Label name = new Label();
        name.setId("detail-name");
        name.getStyleClass().add("detail-name");
        Label namespace = new Label();
        namespace.setId("detail-namespace");
        namespace.getStyleClass().add("detail-muted");
        Label status = new Label();
        status.setId("detail-status");
        status.getStyleClass().add("detail-status");
        FontIcon statusIcon = new FontIcon();
        status.setGraphic(statusIcon);

        model.podProperty().subscribe(row -> {
            name.textProperty().unbind();
            namespace.textProperty().unbind();
            status.textProperty().unbind();
            statusIcon.iconCodeProperty().unbind();
            if (row != null) {
                name.textProperty().bind(row.printedProperty().map(PodRow::name));
                namespace.textProperty().bind(row.printedProperty().map(r -> "in namespace " + r.namespace()));
                status.textProperty().bind(row.printedProperty().map(r -> r.status() + "  ·  " + r.ready() + " ready"));
                statusIcon.iconCodeProperty().bind(row.printedProperty().map(r -> Icon.of(r.category()).ikon()));
            }
        });

        Button close = new Button(null, Icon.CLOSE.graphic());
        close.setId("detail-close");
        close.getStyleClass().addAll("flat", "button-icon");
        close.setOnAction(event -> onClose.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, name, namespace, status, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("detail-header");

        TextArea yaml = new TextArea();
        yaml.setId("detail-yaml");
        yaml.getStyleClass().add("detail-yaml");
        yaml.setEditable(false);
        yaml.textProperty().bind(model.yamlProperty());
        VBox.setVgrow(yaml, Priority.ALWAYS);

        getChildren().addAll(header, yaml);
        setPadding(new Insets(6, 10, 10, 10));
        setSpacing(6);
    }
}
