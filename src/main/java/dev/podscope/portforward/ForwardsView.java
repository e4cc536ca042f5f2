package dev.podscope.portforward;

import dev.podscope.ui.Icon;
import dev.podscope.ui.WhileShown;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.function.Function;

/**
 * The forwards panel: a toolbar acting on the selected forward (stop, restart, copy URL, open in browser, save as
 * favourite, remove), an offer to start the context's favourites, and one row per forward with its state coloured
 * ({@code :forward-active}, {@code :forward-reconnecting}, ...) and iconed so it reads without colour.
 */
public final class ForwardsView extends VBox {
    private static final Map<ForwardState, PseudoClass> STATE_CLASSES = new EnumMap<>(ForwardState.class);

    static {
        for (ForwardState state : ForwardState.values()) {
            STATE_CLASSES.put(state, PseudoClass.getPseudoClass("forward-" + state.name().toLowerCase(Locale.ROOT)));
        }
    }

    private final ForwardsViewModel model;
    private final TableView<ForwardRowViewModel> table = new TableView<>();

    /** {@code onNew} opens the start-forward form for a Service of the namespace shown. */
    public ForwardsView(ForwardsViewModel model, Runnable onClose, Runnable onNew) {
        this.model = model;
        setId("forwards-view");
        getStyleClass().add("forwards-view");
        getStylesheets().add(Objects.requireNonNull(ForwardsView.class.getResource("forwards.css")).toExternalForm());

        table.setId("forwards-table");
        table.getStyleClass().add("forwards-table");
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                column("context", "CONTEXT", 120, s -> s.context()),
                column("namespace", "NAMESPACE", 95, s -> s.target().namespace()),
                column("target", "TARGET", 270, ForwardRowViewModel::target),
                column("ports", "LOCAL → REMOTE", 160, ForwardRowViewModel::ports),
                stateColumn(),
                column("connections", "CONNS", 66, s -> Integer.toString(s.openConnections())),
                column("bytes", "IN / OUT", 115, ForwardRowViewModel::bytes),
                column("error", "LAST ERROR", 150, s -> s.lastError() == null ? "" : s.lastError())));
        table.setPlaceholder(new Label("No port-forwards. Right-click a pod (or press Shift+F) to start one."));
        table.setRowFactory(t -> new ForwardRow());
        table.setContextMenu(contextMenu());
        table.setOnKeyPressed(event -> {
            ForwardRowViewModel row = selected();
            if (row != null && event.getCode() == KeyCode.DELETE) {
                model.stop(row);
                event.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(header(onClose, onNew), new FavouritesOfferView(model), table);
        // Byte counters move without notifications: read them every second while the panel is on screen.
        WhileShown.repeatFromShown(this, Duration.seconds(1), model::refresh);
    }

    public TableView<ForwardRowViewModel> table() {
        return table;
    }

    private HBox header(Runnable onClose, Runnable onNew) {
        Label title = new Label("Port-forwards", Icon.FORWARD.graphic());
        title.getStyleClass().add("forwards-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        BooleanBinding none = table.getSelectionModel().selectedItemProperty().isNull();
        ObservableValue<Boolean> notRunning = table.getSelectionModel().selectedItemProperty()
                .flatMap(ForwardRowViewModel::statusProperty).map(s -> s.state().finished()).orElse(true);
        Button add = new Button("Service…", Icon.ADD.graphic());
        add.setId("forward-new");
        add.getStyleClass().add("flat");
        add.setTooltip(new Tooltip("Port-forward to a Service of the namespace shown"));
        add.setOnAction(event -> onNew.run());
        add.setMinWidth(Region.USE_PREF_SIZE);
        Button stop = action("forward-stop", Icon.STOP, "Stop (Delete)", notRunning, () -> model.stop(selected()));
        Button restart = action("forward-restart", Icon.RESTART, "Restart (or start again)", none,
                () -> model.restart(selected()));
        Button copy = action("forward-copy", Icon.COPY, "Copy URL", none, () -> copyUrl(selected()));
        Button open = action("forward-open", Icon.OPEN_BROWSER, "Open in browser", notRunning,
                () -> openInBrowser(selected()));
        Button favourite = action("forward-favourite", Icon.FAVOURITE, "Save as favourite (restartable at start-up)",
                none, () -> model.saveFavourite(selected()));
        Button remove = action("forward-remove", Icon.CLOSE, "Remove from the list (stops it)", none,
                () -> model.remove(selected()));
        Label notice = new Label();
        notice.setId("forwards-notice");
        notice.getStyleClass().add("forwards-notice");
        notice.textProperty().bind(model.noticeProperty());
        notice.setMinWidth(0);
        HBox.setHgrow(notice, Priority.ALWAYS);
        notice.setMaxWidth(Double.MAX_VALUE);
        Tooltip full = new Tooltip();
        full.textProperty().bind(notice.textProperty());
        notice.setTooltip(full);
        Button close = new Button(null, Icon.CLOSE.graphic());
        close.setId("forwards-close");
        close.getStyleClass().addAll("flat", "button-icon");
        close.setTooltip(new Tooltip("Hide the panel (Ctrl+Shift+F); forwards keep running"));
        close.setOnAction(event -> onClose.run());
        Region gap = new Region();
        gap.setMinWidth(8);
        HBox header = new HBox(4, title, gap, add, stop, restart, copy, open, favourite, remove, notice, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("forwards-header");
        return header;
    }

    private static Button action(String id, Icon icon, String tooltip, ObservableValue<Boolean> disabled,
                                 Runnable onAction) {
        Button button = new Button(null, icon.graphic());
        button.setId(id);
        button.getStyleClass().addAll("flat", "button-icon");
        button.setTooltip(new Tooltip(tooltip));
        button.disableProperty().bind(disabled);
        button.setOnAction(event -> onAction.run());
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private ContextMenu contextMenu() {
        MenuItem stop = item("Stop", () -> model.stop(selected()));
        MenuItem restart = item("Restart", () -> model.restart(selected()));
        MenuItem copy = item("Copy URL", () -> copyUrl(selected()));
        MenuItem open = item("Open in browser", () -> openInBrowser(selected()));
        MenuItem favourite = item("Save as favourite", () -> model.saveFavourite(selected()));
        MenuItem remove = item("Remove", () -> model.remove(selected()));
        ContextMenu menu = new ContextMenu(stop, restart, copy, open, favourite, remove);
        menu.setOnShowing(event -> {
            ForwardRowViewModel row = selected();
            boolean running = row != null && !row.state().finished();
            stop.setDisable(!running);
            open.setDisable(!running);
        });
        return menu;
    }

    private MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(event -> {
            if (selected() != null) {
                action.run();
            }
        });
        return item;
    }

    private ForwardRowViewModel selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    private void copyUrl(ForwardRowViewModel row) {
        ClipboardContent content = new ClipboardContent();
        content.putString(row.status().url());
        Clipboard.getSystemClipboard().setContent(content);
        model.copied(row);
    }

    private void openInBrowser(ForwardRowViewModel row) {
        if (!model.openInBrowser(row)) {
            ClipboardContent content = new ClipboardContent();
            content.putString(row.status().url());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private static TableColumn<ForwardRowViewModel, ForwardStatus> column(String id, String header, double width,
                                                                       Function<ForwardStatus, String> text) {
        TableColumn<ForwardRowViewModel, ForwardStatus> column = new TableColumn<>(header);
        column.setId("forward-column-" + id);
        column.setPrefWidth(width);
        column.setMinWidth(id.equals("ports") ? width : Math.min(width, 90));
        column.setCellValueFactory(features -> features.getValue().statusProperty());
        column.setCellFactory(c -> new TableCell<>() {
            private final Tooltip full = new Tooltip();

            @Override
            protected void updateItem(ForwardStatus status, boolean empty) {
                super.updateItem(status, empty);
                setText(empty || status == null ? null : text.apply(status));
                // long targets and errors may be cut short; the tooltip has all of it
                full.setText(getText());
                setTooltip(getText() == null || getText().isEmpty() ? null : full);
            }
        });
        return column;
    }

    private static TableColumn<ForwardRowViewModel, ForwardStatus> stateColumn() {
        TableColumn<ForwardRowViewModel, ForwardStatus> column = new TableColumn<>("STATE");
        column.setId("forward-column-state");
        column.setPrefWidth(125);
        column.setMinWidth(110);
        column.setCellValueFactory(features -> features.getValue().statusProperty());
        column.setCellFactory(c -> new TableCell<>() {
            private final FontIcon icon = new FontIcon();

            {
                icon.getStyleClass().add("forward-state-icon");
                getStyleClass().add("forward-state-cell");
            }

            @Override
            protected void updateItem(ForwardStatus status, boolean empty) {
                super.updateItem(status, empty);
                if (empty || status == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                setText(ForwardRowViewModel.state(status));
                icon.setIconCode(stateIcon(status.state()).ikon());
                setGraphic(icon);
                setTooltip(status.warning() == null ? null : new Tooltip(status.warning()));
            }
        });
        return column;
    }

    private static Icon stateIcon(ForwardState state) {
        return switch (state) {
            case STARTING -> Icon.CONNECTING;
            case ACTIVE -> Icon.LIVE;
            case RECONNECTING -> Icon.STALE;
            case FAILED -> Icon.POD_FAILED;
            case STOPPED -> Icon.STOP;
        };
    }

    private static final class ForwardRow extends javafx.scene.control.TableRow<ForwardRowViewModel> {
        private final javafx.beans.value.ChangeListener<ForwardStatus> onChange = (obs, old, s) -> show(s);

        ForwardRow() {
            itemProperty().addListener((obs, old, item) -> {
                if (old != null) {
                    old.statusProperty().removeListener(onChange);
                }
                if (item != null) {
                    item.statusProperty().addListener(onChange);
                }
                show(item == null ? null : item.status());
            });
        }

        private void show(ForwardStatus status) {
            STATE_CLASSES.forEach((state, pseudoClass) ->
                    pseudoClassStateChanged(pseudoClass, status != null && status.state() == state));
        }
    }
}
