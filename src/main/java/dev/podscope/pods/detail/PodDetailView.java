package dev.podscope.pods.detail;

import dev.podscope.format.PodRow;
import dev.podscope.logs.LogView;
import dev.podscope.metrics.ContainerGraphsView;
import dev.podscope.ui.Icon;
import dev.podscope.ui.WhileShown;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The opened pod: a header (name, namespace, status, close), the "Why?" banner when it is unhealthy, then tabs
 * Overview, Containers, Metrics, Events, Logs, YAML. Keys: Esc closes, Ctrl+1 … Ctrl+6 choose a tab, Ctrl+Tab and
 * Ctrl+Shift+Tab cycle through them.
 */
public final class PodDetailView extends VBox {
    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN);
    private static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final PodDetailViewModel model;
    private final TabPane tabs = new TabPane();
    private final Map<DetailTab, Tab> byTab = new EnumMap<>(DetailTab.class);
    private final Map<DetailTab, Node> contents = new EnumMap<>(DetailTab.class);
    private final Runnable onClose;

    public PodDetailView(PodDetailViewModel model, Runnable onClose) {
        this.model = model;
        this.onClose = onClose;
        getStyleClass().add("pod-detail");
        setId("pod-detail");
        getStylesheets().add(Objects.requireNonNull(PodDetailView.class.getResource("detail.css")).toExternalForm());

        tabs.setId("detail-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (DetailTab tab : DetailTab.values()) {
            Tab t = new Tab(tab.title());
            t.setId("tab-" + tab.name().toLowerCase(java.util.Locale.ROOT));
            t.setTooltip(new Tooltip(tab.title() + " (Ctrl+" + (tab.ordinal() + 1) + ")"));
            byTab.put(tab, t);
            tabs.getTabs().add(t);
        }
        // graphs and logs are replaced with the context: forget their views, rebuild them when next shown
        model.graphsProperty().subscribe(graphs -> forget(DetailTab.METRICS));
        model.logsProperty().subscribe(logs -> forget(DetailTab.LOGS));
        model.events().warningsProperty().subscribe(n -> byTab.get(DetailTab.EVENTS)
                .setText(n.intValue() == 0 ? "Events" : "Events ⚠ " + n));
        tabs.getSelectionModel().select(byTab.get(model.tabProperty().get()));
        tabs.getSelectionModel().selectedIndexProperty().subscribe(index -> {
            DetailTab shown = DetailTab.values()[index.intValue()];
            attachOnly(shown);
            model.tabProperty().set(shown);
        });
        model.tabProperty().subscribe(tab -> tabs.getSelectionModel().select(byTab.get(tab)));
        VBox.setVgrow(tabs, Priority.ALWAYS);

        getChildren().addAll(header(), new WhyBannerView(model.why()), tabs);
        setPadding(new Insets(6, 10, 6, 10));
        setSpacing(6);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // Ages and "running for" tick while the detail is shown.
        WhileShown.repeat(this, Duration.seconds(5), model::tick);
    }

    /**
     * Only the shown tab's content is in the scene: opening a pod then styles and lays out one tab, not six (the
     * charts and the log viewer cost most). Each content is built the first time its tab is shown, then kept.
     */
    private void attachOnly(DetailTab shown) {
        for (DetailTab tab : DetailTab.values()) {
            byTab.get(tab).setContent(tab == shown ? contents.computeIfAbsent(tab, this::content) : null);
        }
    }

    private void forget(DetailTab tab) {
        contents.remove(tab);
        if (model.tabProperty().get() == tab && tabs.getSelectionModel().getSelectedItem() == byTab.get(tab)) {
            attachOnly(tab);
        }
    }

    private Node content(DetailTab tab) {
        return switch (tab) {
            case OVERVIEW -> new OverviewView(model);
            case CONTAINERS -> new ContainersView(model);
            case METRICS -> model.graphsProperty().get() == null
                    ? new StackPane(new Label("Metrics need a connected cluster"))
                    : new ContainerGraphsView(model.graphsProperty().get());
            case EVENTS -> new PodEventsView(model.events());
            case LOGS -> model.logsProperty().get() == null
                    ? new StackPane(new Label("Logs need a connected cluster")) : new LogView(model.logsProperty().get());
            case YAML -> yaml();
        };
    }

    /** Ctrl+1 … Ctrl+6, Ctrl+(Shift+)Tab and Esc, wherever the focus is in the detail (or the window passes them). */
    public boolean handleKey(KeyEvent event) {
        if (event.isShortcutDown() && !event.isShiftDown() && !event.isAltDown()) {
            int digit = event.getCode().isDigitKey() ? event.getCode().getCode() - KeyCode.DIGIT1.getCode() : -1;
            if (event.getCode().getName().startsWith("Numpad")) {
                digit = event.getCode().getCode() - KeyCode.NUMPAD1.getCode();
            }
            if (digit >= 0 && digit < DetailTab.values().length) {
                select(DetailTab.values()[digit]);
                return true;
            }
        }
        if (PREVIOUS.match(event)) {
            select(DetailTab.values()[(model.tabProperty().get().ordinal() + DetailTab.values().length - 1)
                    % DetailTab.values().length]);
            return true;
        }
        if (NEXT.match(event)) {
            select(DetailTab.values()[(model.tabProperty().get().ordinal() + 1) % DetailTab.values().length]);
            return true;
        }
        return false;
    }

    private void onKey(KeyEvent event) {
        if (handleKey(event)) {
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE && !(event.getTarget() instanceof javafx.scene.control.TextField)) {
            onClose.run();
            event.consume();
        }
    }

    private void select(DetailTab tab) {
        model.tabProperty().set(tab);
        Tab t = byTab.get(tab);
        if (t.getContent() != null) {
            t.getContent().requestFocus();
        }
    }

    private HBox header() {
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
        Label keys = new Label("Esc close · Ctrl+1…6 tabs");
        keys.getStyleClass().add("detail-muted");
        Button close = new Button(null, Icon.CLOSE.graphic());
        close.setId("detail-close");
        close.getStyleClass().addAll("flat", "button-icon");
        close.setTooltip(new Tooltip("Close (Esc)"));
        close.setOnAction(event -> onClose.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, name, namespace, status, spacer, keys, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("detail-header");
        return header;
    }

    private TextArea yaml() {
        TextArea yaml = new TextArea();
        yaml.setId("detail-yaml");
        yaml.getStyleClass().add("detail-yaml");
        yaml.setEditable(false);
        yaml.textProperty().bind(model.yamlProperty());
        return yaml;
    }
}
