package dev.podscope.pods.detail;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Containers tab: one card per container, init containers first (in the order they run), native sidecars
 * marked as such, then the app containers; each with image, state, last state, readiness, restarts, ports,
 * resources and probes. Unhealthy containers are marked.
 */
final class ContainersView extends ScrollPane {
    private static final PseudoClass UNHEALTHY = PseudoClass.getPseudoClass("unhealthy");

    private final VBox cards = new VBox(10);

    ContainersView(PodDetailViewModel model) {
        setId("detail-containers");
        getStyleClass().addAll("detail-containers", "edge-to-edge");
        setFitToWidth(true);
        cards.setPadding(new Insets(8, 12, 12, 12));
        setContent(cards);
        model.containers().addListener((ListChangeListener<ContainerFacts>) change -> show(model));
        show(model);
    }

    private void show(PodDetailViewModel model) {
        cards.getChildren().setAll(model.containers().stream().map(ContainersView::card).toList());
    }

    private static VBox card(ContainerFacts c) {
        Label name = new Label(c.name());
        name.getStyleClass().add("container-name");
        Label kind = new Label(c.kind().label());
        kind.setId("container-kind-" + c.name());
        kind.getStyleClass().addAll("container-kind", "kind-" + c.kind().name().toLowerCase(Locale.ROOT));
        Label state = new Label(c.state());
        state.setId("container-state-" + c.name());
        state.getStyleClass().add("container-state");
        HBox header = new HBox(8, name, kind, state);
        header.setAlignment(Pos.CENTER_LEFT);

        Map<String, String> values = new LinkedHashMap<>();
        values.put("Image", c.image());
        if (!c.stateNote().isEmpty()) {
            values.put("Message", c.stateNote());
        }
        if (!c.lastState().isEmpty()) {
            values.put("Last state", c.lastState());
        }
        values.put("Ready", c.ready() + "    Started: " + c.started() + "    Restarts: " + c.restarts());
        values.put("Ports", c.ports());
        values.put("Requests", c.requests());
        values.put("Limits", c.limits());
        if (!c.liveness().isEmpty()) {
            values.put("Liveness", c.liveness());
        }
        if (!c.readiness().isEmpty()) {
            values.put("Readiness", c.readiness());
        }
        if (!c.startup().isEmpty()) {
            values.put("Startup", c.startup());
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("detail-fields");
        grid.setHgap(14);
        grid.setVgap(2);
        int row = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            Label key = new Label(e.getKey());
            key.getStyleClass().add("field-key");
            Label value = new Label(e.getValue());
            value.setId("container-" + e.getKey().toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + c.name());
            value.getStyleClass().add("field-value");
            value.setWrapText(true);
            grid.addRow(row++, key, value);
        }
        VBox card = new VBox(4, header, grid);
        card.setId("container-" + c.name());
        card.getStyleClass().add("container-card");
        card.pseudoClassStateChanged(UNHEALTHY, !c.healthy());
        return card;
    }
}
