package dev.podscope.metrics;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.HashMap;
import java.util.Map;

/**
 * The "Metrics" tab of a pod: per container a CPU chart (millicores) and a memory chart (MiB) with request and
 * limit lines, a 5m / 30m / 1h window selector, and a plain message in place of the charts when there is nothing
 * to draw (metrics API absent or forbidden, or no sample yet).
 */
public final class ContainerGraphsView extends BorderPane {
    private static final Color CPU = Color.web("#2563eb");
    private static final Color MEMORY = Color.web("#059669");

    private final ContainerGraphsViewModel model;
    private final VBox rows = new VBox(12);
    private final Label message = new Label();
    private final Label notice = new Label();
    private final Map<ContainerGraphViewModel, ContainerRow> shown = new HashMap<>();

    public ContainerGraphsView(ContainerGraphsViewModel model) {
        this.model = model;
        getStyleClass().add("container-graphs");
        setId("container-graphs");
        setTop(header());
        message.getStyleClass().add("metrics-message");
        message.setId("metrics-message");
        message.setWrapText(true);
        message.setMaxWidth(520);
        message.textProperty().bind(model.messageProperty());
        rows.setPadding(new Insets(8, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.visibleProperty().bind(model.chartsShownProperty());
        message.visibleProperty().bind(model.chartsShownProperty().not());
        StackPane centre = new StackPane(scroll, message);
        StackPane.setAlignment(message, Pos.CENTER);
        setCenter(centre);
        model.containers().addListener((ListChangeListener<ContainerGraphViewModel>) change -> rebuild());
        rebuild();
    }

    private HBox header() {
        Label title = new Label("CPU and memory per container");
        title.getStyleClass().add("metrics-title");
        ToggleGroup group = new ToggleGroup();
        HBox windows = new HBox();
        windows.getStyleClass().add("segmented");
        for (UsageWindow w : UsageWindow.values()) {
            ToggleButton button = new ToggleButton(w.label());
            button.setId("window-" + w.label());
            button.setToggleGroup(group);
            button.setUserData(w);
            button.setSelected(model.windowProperty().get() == w);
            windows.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected == null) {
                old.setSelected(true); // one window is always chosen
            } else {
                model.windowProperty().set((UsageWindow) selected.getUserData());
            }
        });
        Label resolution = new Label(model.resolutionText().isEmpty() ? "" : "resolution " + model.resolutionText());
        resolution.getStyleClass().add("metrics-resolution");
        notice.getStyleClass().add("metrics-notice");
        notice.textProperty().bind(model.noticeProperty());
        notice.managedProperty().bind(notice.textProperty().isNotNull());
        notice.visibleProperty().bind(notice.managedProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(10, title, notice, gap, resolution, windows);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 4, 12));
        return header;
    }

    private void rebuild() {
        shown.keySet().retainAll(model.containers());
        rows.getChildren().clear();
        for (ContainerGraphViewModel container : model.containers()) {
            rows.getChildren().add(shown.computeIfAbsent(container, ContainerRow::new).box);
        }
    }

    /** The charts of one container, following its view-model. */
    private static final class ContainerRow {
        final VBox box;
        final UsageChartView cpu = new UsageChartView("CPU", "m", CPU);
        final UsageChartView memory = new UsageChartView("Memory", "MiB", MEMORY);

        ContainerRow(ContainerGraphViewModel model) {
            Label name = new Label(model.name());
            name.getStyleClass().add("container-name");
            model.limitsProperty().subscribe(l -> {
                if (l != null && l.sidecar()) {
                    name.setText(model.name() + "  (sidecar)");
                }
            });
            cpu.setId("cpu-" + model.name());
            memory.setId("memory-" + model.name());
            HBox.setHgrow(cpu, Priority.ALWAYS);
            HBox.setHgrow(memory, Priority.ALWAYS);
            HBox charts = new HBox(12, cpu, memory);
            box = new VBox(4, name, charts);
            box.getStyleClass().add("container-graph");
            model.samplesProperty().subscribe(s -> draw(model));
            model.limitsProperty().subscribe(l -> draw(model));
        }

        private void draw(ContainerGraphViewModel model) {
            ContainerGraphViewModel.Samples s = model.samplesProperty().get();
            ContainerLimits l = model.limitsProperty().get();
            if (s == null || l == null) {
                return;
            }
            long window = s.window().duration().toSeconds();
            cpu.show(s.series().epochSeconds(), s.series().millicores(), l.cpuRequest(), l.cpuLimit(), s.end(), window);
            memory.show(s.series().epochSeconds(), s.series().mebibytes(), l.memoryRequest(), l.memoryLimit(), s.end(),
                    window);
        }
    }
}
