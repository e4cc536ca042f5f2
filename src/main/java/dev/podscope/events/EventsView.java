package dev.podscope.events;

import dev.podscope.ui.WhileShown;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The namespace events view: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE, newest first, warnings highlighted, with a
 * Warnings-only switch (W). The OBJECT link, Enter or a double-click opens the object (a pod opens in the detail).
 */
public final class EventsView extends VBox {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final EventsViewModel model;
    private final TableView<NamespaceEventRow> table;

    public EventsView(EventsViewModel model) {
        this.model = model;
        setId("events-view");
        getStyleClass().add("events-view");
        getStylesheets().add(Objects.requireNonNull(EventsView.class.getResource("events.css")).toExternalForm());
        CheckBox warnings = new CheckBox("Warnings only");
        warnings.setId("events-warnings-only");
        warnings.setTooltip(new Tooltip("Show only Warning events (W)"));
        warnings.selectedProperty().bindBidirectional(model.warningsOnlyProperty());
        Label summary = new Label();
        summary.setId("events-summary");
        summary.getStyleClass().add("events-muted");
        summary.textProperty().bind(model.summaryProperty());
        Label notice = new Label();
        notice.setId("events-link-notice");
        notice.getStyleClass().add("events-notice");
        notice.textProperty().bind(model.linkNoticeProperty());
        HBox bar = new HBox(14, warnings, summary, notice);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("events-bar");

        table = new TableView<>(model.rows());
        table.setId("events-table");
        table.getStyleClass().add("events-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("LAST SEEN", NamespaceEventRow::lastSeen, 80));
        table.getColumns().add(column("TYPE", NamespaceEventRow::type, 75));
        table.getColumns().add(column("REASON", NamespaceEventRow::reason, 140));
        table.getColumns().add(objectColumn());
        table.getColumns().add(column("MESSAGE", NamespaceEventRow::message, 420));
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.messageProperty());
        table.setPlaceholder(placeholder);
        table.setRowFactory(t -> new EventRowCell());
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                model.open(table.getSelectionModel().getSelectedItem());
                event.consume();
            } else if (event.getCode() == KeyCode.W && !event.isShortcutDown()) {
                model.warningsOnlyProperty().set(!model.warningsOnlyProperty().get());
                event.consume();
            }
        });
        keepSelectionAcrossUpdates();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
        WhileShown.repeat(this, Duration.seconds(5), model::tick);
    }

    /**
     * Live updates replace the rows (ages tick, counts grow), which would drop the selection every few seconds:
     * the event selected before is selected again by its uid.
     */
    private void keepSelectionAcrossUpdates() {
        String[] selectedUid = {null};
        table.getSelectionModel().selectedItemProperty().subscribe(item -> {
            if (item != null) {
                selectedUid[0] = item.uid();
            }
        });
        model.rows().addListener((javafx.collections.ListChangeListener<NamespaceEventRow>) change -> {
            if (selectedUid[0] == null || table.getSelectionModel().getSelectedItem() != null) {
                return;
            }
            for (int i = 0; i < model.rows().size(); i++) {
                if (model.rows().get(i).uid().equals(selectedUid[0])) {
                    table.getSelectionModel().select(i);
                    table.getFocusModel().focus(i);
                    return;
                }
            }
        });
    }

    public TableView<NamespaceEventRow> table() {
        return table;
    }

    private static TableColumn<NamespaceEventRow, String> column(String title, Function<NamespaceEventRow, String> value,
                                                                 double width) {
        TableColumn<NamespaceEventRow, String> column = new TableColumn<>(title);
        column.setId("events-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private TableColumn<NamespaceEventRow, NamespaceEventRow> objectColumn() {
        TableColumn<NamespaceEventRow, NamespaceEventRow> column = new TableColumn<>("OBJECT");
        column.setId("events-object");
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        column.setPrefWidth(230);
        column.setSortable(false);
        column.setCellFactory(c -> new TableCell<>() {
            private final Hyperlink link = new Hyperlink();
            private final Tooltip where = new Tooltip();

            {
                link.setTooltip(where);
                link.getStyleClass().add("event-object-link");
                link.setFocusTraversable(false);
                link.setOnAction(event -> model.open(getItem()));
            }

            @Override
            protected void updateItem(NamespaceEventRow item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                link.setText(item.object());
                where.setText(item.isPod() ? "Open pod " + item.namespace() + "/" + item.name()
                        : "Show the pods of " + item.object());
                setGraphic(link);
            }
        });
        return column;
    }

    private final class EventRowCell extends TableRow<NamespaceEventRow> {
        EventRowCell() {
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && getItem() != null) {
                    model.open(getItem());
                }
            });
        }

        @Override
        protected void updateItem(NamespaceEventRow item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(WARNING, !empty && item != null && item.warning());
        }
    }
}
