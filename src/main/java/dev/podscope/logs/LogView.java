package dev.podscope.logs;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.util.List;
import java.util.Objects;

/**
 * The log viewer: a toolbar (container, previous, follow, timestamps, wrap, tail, since, copy, download), a search
 * bar (Ctrl+F; Enter and Shift+Enter for next and previous) and a virtualized list with one cell per line. While
 * following, the list stays at the bottom; scrolling up pauses that (a button counts the new lines and jumps back),
 * scrolling to the bottom again resumes it.
 */
public final class LogView extends VBox {
    private static final double LINE_HEIGHT = 18;
    private static final KeyCombination FIND = KeyCombination.keyCombination("Shortcut+F");
    private static final KeyCombination COPY = KeyCombination.keyCombination("Shortcut+C");

    private final LogViewModel model;
    private final ListView<LogLine> list = new ListView<>();
    private final TextField searchField = new TextField();

    public LogView(LogViewModel model) {
        this.model = model;
        setId("log-view");
        getStyleClass().add("log-view");
        getStylesheets().add(Objects.requireNonNull(LogView.class.getResource("logs.css")).toExternalForm());

        list.setId("log-lines");
        list.getStyleClass().add("log-lines");
        list.setItems(model.lines().lines());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(view -> new LogLineCellView(model));
        list.setFixedCellSize(LINE_HEIGHT);
        model.wrapProperty().subscribe(wrap -> {
            list.setFixedCellSize(wrap ? -1 : LINE_HEIGHT);
            list.refresh();
        });
        model.timestampsProperty().subscribe(on -> list.refresh());
        model.search().queryProperty().subscribe(q -> list.refresh());
        model.search().currentProperty().subscribe(this::showMatch);
        model.lines().revisionProperty().subscribe(this::followBottom);
        watchScrolling();

        Button paused = new Button();
        paused.setId("log-paused");
        paused.getStyleClass().addAll("log-paused", "accent");
        paused.textProperty().bind(model.lines().newWhilePausedProperty()
                .map(n -> "Paused — " + n + " new line" + (n.longValue() == 1 ? "" : "s") + "  ↓"));
        paused.visibleProperty().bind(model.lines().atBottomProperty().not().and(model.followProperty()));
        paused.setOnAction(event -> jumpToBottom());
        StackPane.setAlignment(paused, Pos.BOTTOM_CENTER);
        StackPane.setMargin(paused, new Insets(0, 0, 14, 0));
        StackPane body = new StackPane(list, paused);
        VBox.setVgrow(body, Priority.ALWAYS);

        getChildren().addAll(toolbar(), searchBar(), body, statusBar());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    public ListView<LogLine> list() {
        return list;
    }

    private HBox toolbar() {
        ComboBox<ContainerChoice> containers = new ComboBox<>(model.containers());
        containers.setId("log-container");
        containers.setConverter(Converters.containers());
        containers.valueProperty().bindBidirectional(model.containerProperty());
        containers.setTooltip(new Tooltip("Container (init containers and sidecars included)"));

        ToggleButton previous = toggle("log-previous", "Previous", "The previous instance of the container (after a restart)");
        previous.selectedProperty().bindBidirectional(model.previousProperty());
        ToggleButton follow = toggle("log-follow", "Follow", "Keep reading new lines as they are written");
        follow.selectedProperty().bindBidirectional(model.followProperty());
        ToggleButton timestamps = toggle("log-timestamps", "Timestamps", "Show the kubelet's timestamp of each line");
        timestamps.selectedProperty().bindBidirectional(model.timestampsProperty());
        ToggleButton wrap = toggle("log-wrap", "Wrap", "Wrap long lines");
        wrap.selectedProperty().bindBidirectional(model.wrapProperty());

        ComboBox<Long> tail = new ComboBox<>();
        tail.setId("log-tail");
        tail.getItems().addAll(100L, 1000L, 10_000L, 0L);
        tail.setConverter(Converters.tail());
        tail.setValue(model.tailLinesProperty().get() == null ? 0L : model.tailLinesProperty().get());
        tail.valueProperty().subscribe(v -> model.tailLinesProperty().set(v == null || v == 0 ? null : v));
        tail.setTooltip(new Tooltip("How many of the last lines to read first"));

        ComboBox<Long> since = new ComboBox<>();
        since.setId("log-since");
        since.getItems().addAll(0L, 300L, 900L, 3600L, 6 * 3600L, 24 * 3600L);
        since.setConverter(Converters.since());
        since.setValue(0L);
        since.valueProperty().subscribe(v -> model.sinceSecondsProperty().set(v == null || v == 0 ? null : v));
        since.setTooltip(new Tooltip("Only lines written within this time"));

        HBox bar = new HBox(6, containers, previous, follow, timestamps, wrap, tail, since);
        bar.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        containers.setMinWidth(120);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("log-toolbar");
        return bar;
    }

    private HBox searchBar() {
        searchField.setId("log-search");
        searchField.setPromptText("Search (Ctrl+F)");
        searchField.textProperty().bindBidirectional(model.search().queryProperty());
        HBox.setHgrow(searchField, Priority.SOMETIMES);
        searchField.setPrefColumnCount(24);
        searchField.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                if (event.isShiftDown()) {
                    model.search().previous();
                } else {
                    model.search().next();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
                list.requestFocus();
                event.consume();
            }
        });
        Button previous = new Button("↑");
        previous.setId("log-search-previous");
        previous.setTooltip(new Tooltip("Previous match (Shift+Enter)"));
        previous.setOnAction(event -> model.search().previous());
        Button next = new Button("↓");
        next.setId("log-search-next");
        next.setTooltip(new Tooltip("Next match (Enter)"));
        next.setOnAction(event -> model.search().next());
        Label summary = new Label();
        summary.setId("log-search-summary");
        summary.getStyleClass().add("log-muted");
        summary.textProperty().bind(model.search().summaryProperty());
        Button copy = new Button("Copy");
        copy.setId("log-copy");
        copy.setTooltip(new Tooltip("Copy the selected lines, or all lines when none is selected"));
        copy.setOnAction(event -> copy());
        Button download = new Button("Download…");
        download.setId("log-download");
        download.setTooltip(new Tooltip("Save the lines to a file"));
        download.setOnAction(event -> download());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, searchField, previous, next, summary, spacer, copy, download);
        bar.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        searchField.setMinWidth(120);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("log-searchbar");
        return bar;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("log-status");
        status.getStyleClass().add("log-status");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        Label count = new Label();
        count.setId("log-count");
        count.getStyleClass().add("log-muted");
        count.textProperty().bind(model.lines().revisionProperty().map(r -> String.format("%,d lines",
                model.lines().lines().size())));
        count.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, status, spacer, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("log-statusbar");
        return bar;
    }

    private static ToggleButton toggle(String id, String text, String tip) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private void onKey(KeyEvent event) {
        if (FIND.match(event)) {
            searchField.requestFocus();
            searchField.selectAll();
            event.consume();
        } else if (COPY.match(event) && list.isFocused()) {
            copy();
            event.consume();
        }
    }

    private void copy() {
        List<Integer> selected = List.copyOf(list.getSelectionModel().getSelectedIndices());
        ClipboardContent content = new ClipboardContent();
        content.putString(model.copyText(selected));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void download() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save log");
        chooser.setInitialFileName(model.titleProperty().get().replaceAll("[^A-Za-z0-9._-]+", "_") + ".log");
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            model.download(file.toPath());
        }
    }

    /** Once per applied batch: stay at the bottom while following and not paused. */
    private void followBottom(Number revision) {
        int size = list.getItems().size();
        if (size > 0 && model.followProperty().get() && model.lines().atBottomProperty().get()) {
            list.scrollTo(size - 1);
        }
    }

    private void showMatch(Number index) {
        int line = index.intValue();
        if (line >= 0) {
            model.lines().setAtBottom(line >= list.getItems().size() - 1);
            list.scrollTo(Math.max(0, line - 3));
            list.getSelectionModel().clearAndSelect(line);
        }
        list.refresh();
    }

    private void jumpToBottom() {
        model.lines().setAtBottom(true);
        followBottom(0);
    }

    /** Scrolling up pauses following; reaching the bottom again (wheel, scroll bar, keys) resumes it. */
    private void watchScrolling() {
        list.addEventFilter(ScrollEvent.SCROLL, event -> {
            if (event.getDeltaY() > 0) {
                model.lines().setAtBottom(false);
            }
            Platform.runLater(this::checkBottom);
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            switch (event.getCode()) {
                case UP, PAGE_UP, HOME -> model.lines().setAtBottom(false);
                case END -> {
                    jumpToBottom();
                    event.consume();
                }
                default -> Platform.runLater(this::checkBottom);
            }
        });
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (event.getTarget() instanceof Node node && insideScrollBar(node)) {
                Platform.runLater(this::checkBottom);
            }
        });
        list.addEventFilter(MouseEvent.MOUSE_DRAGGED, event -> {
            if (event.getTarget() instanceof Node node && insideScrollBar(node)) {
                Platform.runLater(this::checkBottom);
            }
        });
        list.getItems().addListener((ListChangeListener<LogLine>) change -> {
            if (list.getItems().isEmpty()) {
                model.lines().setAtBottom(true);
            }
        });
    }

    private static boolean insideScrollBar(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                return true;
            }
        }
        return false;
    }

    private void checkBottom() {
        boolean bottom = atBottom();
        if (bottom != model.lines().atBottomProperty().get()) {
            model.lines().setAtBottom(bottom);
        }
    }

    /** Whether the last line is on screen. */
    boolean atBottom() {
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return true;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        return last == null || last.getIndex() >= list.getItems().size() - 1;
    }

    /** How the choosers write their values. */
    private static final class Converters {
        private Converters() {
        }

        static StringConverter<ContainerChoice> containers() {
            return new StringConverter<>() {
                @Override
                public String toString(ContainerChoice choice) {
                    return choice == null ? "" : choice.label();
                }

                @Override
                public ContainerChoice fromString(String text) {
                    throw new UnsupportedOperationException("not editable");
                }
            };
        }

        static StringConverter<Long> tail() {
            return of(n -> n == 0 ? "All lines" : String.format("Last %,d lines", n));
        }

        static StringConverter<Long> since() {
            return of(s -> s == 0 ? "All time" : s < 3600 ? "Last " + s / 60 + " min" : "Last " + s / 3600 + " h");
        }

        private static StringConverter<Long> of(java.util.function.LongFunction<String> text) {
            return new StringConverter<>() {
                @Override
                public String toString(Long value) {
                    return value == null ? "" : text.apply(value);
                }

                @Override
                public Long fromString(String string) {
                    throw new UnsupportedOperationException("not editable");
                }
            };
        }
    }
}
