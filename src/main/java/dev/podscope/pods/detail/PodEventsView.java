package dev.podscope.pods.detail;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.function.Function;

/** The Events tab: Type, Reason, Age, From, Message as kubectl describe lists them; warnings highlighted. */
final class PodEventsView extends TableView<EventRow> {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    PodEventsView(PodEventsViewModel model) {
        super(model.rows());
        setId("detail-events");
        getStyleClass().add("detail-events");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column("Type", EventRow::type, 75));
        getColumns().add(column("Reason", EventRow::reason, 125));
        getColumns().add(column("Age", EventRow::age, 160));
        getColumns().add(column("From", EventRow::from, 120));
        getColumns().add(column("Message", EventRow::message, 480));
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.messageProperty());
        setPlaceholder(placeholder);
        setRowFactory(table -> new TableRow<>() {
            // one tooltip per row, its text changed with the row: creating tooltips costs more than the rows
            private final Tooltip full = new Tooltip();

            @Override
            protected void updateItem(EventRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(WARNING, !empty && item != null && item.warning());
                if (empty || item == null) {
                    setTooltip(null);
                } else {
                    full.setText(item.message() + (item.subobject().isEmpty() ? "" : "\n" + item.subobject()));
                    setTooltip(full);
                }
            }
        });
        // the newest events are at the bottom, as in kubectl describe: keep them in sight while they arrive
        getItems().addListener((javafx.collections.ListChangeListener<EventRow>) change -> {
            if (!getItems().isEmpty()) {
                scrollTo(getItems().size() - 1);
            }
        });
    }

    private static TableColumn<EventRow, String> column(String title, Function<EventRow, String> value, double width) {
        TableColumn<EventRow, String> column = new TableColumn<>(title);
        column.setId("event-" + title.toLowerCase(java.util.Locale.ROOT));
        column.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}
