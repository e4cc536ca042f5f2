package dev.podscope.pods;

import dev.podscope.format.PodCategory;
import dev.podscope.format.PodRow;
import dev.podscope.session.ConnectionState;
import dev.podscope.ui.Icon;
import dev.podscope.ui.WhileShown;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The pod table: one row per pod, coloured by {@link PodCategory} through pseudo-classes ({@code :pod-running},
 * {@code :pod-warning}, ...) with an icon in STATUS so the state reads without colour; {@code :stale} while the
 * connection is not live. Enter or a double-click opens the selected pod.
 */
public final class PodTableView extends TableView<PodRowViewModel> {
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final Map<PodCategory, PseudoClass> CATEGORY_CLASSES = new EnumMap<>(PodCategory.class);

    static {
        for (PodCategory category : PodCategory.values()) {
            String name = category == PodCategory.RUNNING_NOT_READY ? "not-ready" : category.name().toLowerCase(Locale.ROOT);
            CATEGORY_CLASSES.put(category, PseudoClass.getPseudoClass("pod-" + name));
        }
    }

    private static final double WHY_MIN_TABLE_WIDTH = 1280;

    private final PodTableViewModel model;
    private final Map<PodColumn, TableColumn<PodRowViewModel, PodRowViewModel>> columns = new EnumMap<>(PodColumn.class);
    private final ContextMenu actions = new ContextMenu();

    public PodTableView(PodTableViewModel model, Consumer<PodRowViewModel> onOpen) {
        super(model.rows());
        this.model = model;
        getStyleClass().add("pod-table");
        setId("pod-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        setTableMenuButtonVisible(true);
        for (PodColumn column : PodColumn.values()) {
            getColumns().add(createColumn(column));
        }
        columns.get(PodColumn.NAMESPACE).visibleProperty().bind(model.namespaceProperty().isNull());
        columns.get(PodColumn.CPU).visibleProperty().bind(model.metricsShownProperty());
        columns.get(PodColumn.MEMORY).visibleProperty().bind(model.metricsShownProperty());
        showWhyWhenWide();
        setSortPolicy(table -> {
            model.sortBy(sortOrder());
            return true;
        });
        setRowFactory(table -> new PodTableRow(onOpen));
        setPlaceholder(placeholder());
        addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) {
                onOpen.accept(getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
        model.connectionProperty().subscribe(state -> pseudoClassStateChanged(STALE, state != ConnectionState.LIVE));
        actions.setId("pod-actions");
        // a right click selects the row under the pointer first, so the menu acts on the selected pod
        setOnContextMenuRequested(event -> {
            if (getSelectionModel().getSelectedItem() == null || actions.getItems().isEmpty()) {
                event.consume();
            }
        });
        // AGE and RESTARTS tick without recreating rows: cells follow the model's clock.
        WhileShown.repeat(this, Duration.seconds(1), model::tick);
    }

    /**
     * WHY needs room: it is shown while the table is wide enough for it next to the other columns, and hidden in a
     * narrower window, where the STATUS tooltip gives the same diagnosis. The column menu can still show it.
     */
    private void showWhyWhenWide() {
        TableColumn<PodRowViewModel, PodRowViewModel> why = columns.get(PodColumn.WHY);
        why.setVisible(false);
        widthProperty().subscribe((old, now) -> {
            boolean wide = now.doubleValue() >= WHY_MIN_TABLE_WIDTH;
            if (wide != (old.doubleValue() >= WHY_MIN_TABLE_WIDTH)) {
                why.setVisible(wide);
            }
        });
    }

    /**
     * Adds an action on the selected pod to the row context menu, also run by {@code key} (may be null) while the
     * table has the focus. Features (port-forward, probes, ...) register theirs; the table knows none of them.
     */
    public MenuItem addPodAction(String id, String text, KeyCombination key, Consumer<PodRowViewModel> action) {
        // the key is named in the text, not set as accelerator: a menu's accelerators act scene-wide, also while
        // the user types in the filter
        MenuItem item = new MenuItem(key == null ? text : text + "    " + key.getDisplayText());
        item.setId(id);
        item.setOnAction(event -> {
            PodRowViewModel pod = getSelectionModel().getSelectedItem();
            if (pod != null) {
                action.accept(pod);
            }
        });
        actions.getItems().add(item);
        setContextMenu(actions);
        if (key != null) {
            addEventHandler(KeyEvent.KEY_PRESSED, event -> {
                PodRowViewModel pod = getSelectionModel().getSelectedItem();
                if (key.match(event) && pod != null && !item.isDisable()) {
                    event.consume();
                    action.accept(pod);
                }
            });
        }
        return item;
    }

    /** The column showing {@code column}, for tests and column menus. */
    public TableColumn<PodRowViewModel, PodRowViewModel> column(PodColumn column) {
        return columns.get(column);
    }

    private TableColumn<PodRowViewModel, PodRowViewModel> createColumn(PodColumn column) {
        TableColumn<PodRowViewModel, PodRowViewModel> tableColumn = new TableColumn<>(column.header());
        tableColumn.setId("column-" + column.name().toLowerCase(Locale.ROOT));
        tableColumn.setCellValueFactory(features -> new ReadOnlyObjectWrapper<>(features.getValue()));
        tableColumn.setCellFactory(c -> new PodCell(column));
        tableColumn.setComparator(column.order());
        // Minimums keep a 1000px window readable: full names and statuses first, OWNER gives way.
        tableColumn.setPrefWidth(switch (column) {
            case NAMESPACE -> 95;
            case NAME -> 235;
            case READY -> 58;
            case STATUS -> 150;
            case RESTARTS -> 92;
            case AGE -> 60;
            case NODE -> 130;
            case IP -> 88;
            case OWNER -> 170;
            case CPU -> 62;
            case MEMORY -> 82;
            case WHY -> 220;
        });
        tableColumn.setMinWidth(switch (column) {
            case NAMESPACE -> 88;
            case NAME -> 190;
            case READY -> 56;
            case STATUS -> 145;
            case RESTARTS -> 85;
            case AGE -> 56;
            case NODE, OWNER -> 80;
            case IP -> 78;
            // wide enough for the header with its sort arrow
            case CPU -> 54;
            case MEMORY -> 74;
            case WHY -> 60;
        });
        columns.put(column, tableColumn);
        return tableColumn;
    }

    /** The header's sort order as a row comparator: cheaper than the table's, which goes through cell values. */
    private Comparator<PodRowViewModel> sortOrder() {
        Comparator<PodRowViewModel> order = null;
        for (TableColumn<PodRowViewModel, ?> sorted : getSortOrder()) {
            PodColumn column = PodColumn.valueOf(sorted.getId().substring("column-".length()).toUpperCase(Locale.ROOT));
            Comparator<PodRowViewModel> next = sorted.getSortType() == TableColumn.SortType.DESCENDING
                    ? column.descendingOrder() : column.order();
            order = order == null ? next : order.thenComparing(next);
        }
        return order;
    }

    private Label placeholder() {
        Label label = new Label();
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            if (model.connectionProperty().get() == ConnectionState.CONNECTING) {
                return "Loading pods…";
            }
            return model.filterTextProperty().get().isBlank() ? "No pods" : "No pods match the filter";
        }, model.connectionProperty(), model.filterTextProperty()));
        return label;
    }

    private final class PodCell extends TableCell<PodRowViewModel, PodRowViewModel> {
        private final PodColumn column;
        private final FontIcon icon;

        PodCell(PodColumn column) {
            this.column = column;
            getStyleClass().add(column.name().toLowerCase(Locale.ROOT) + "-cell");
            if (column == PodColumn.NAME || column == PodColumn.NODE || column == PodColumn.OWNER) {
                // long names may be cut short in a narrow window; the tooltip has all of it
                Tooltip full = new Tooltip();
                full.textProperty().bind(textProperty());
                setTooltip(full);
            }
            this.icon = column == PodColumn.STATUS ? new FontIcon() : null;
            if (icon != null) {
                icon.getStyleClass().add("status-icon");
            }
        }

        @Override
        protected void updateItem(PodRowViewModel item, boolean empty) {
            super.updateItem(item, empty);
            textProperty().unbind();
            if (column == PodColumn.WHY || column == PodColumn.STATUS) {
                tooltipProperty().unbind();
                setTooltip(null);
            }
            if (icon != null) {
                icon.iconCodeProperty().unbind();
            }
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            textProperty().bind(text(item));
            if (column == PodColumn.WHY || column == PodColumn.STATUS) {
                // the whole diagnosis, headline and details, for a glance without opening the pod
                tooltipProperty().bind(item.whyProperty().map(PodCell::whyTooltip));
            }
            if (icon != null) {
                icon.iconCodeProperty().bind(item.printedProperty().map(row -> Icon.of(row.category()).ikon()));
                setGraphic(icon);
            }
        }

        private static Tooltip whyTooltip(dev.podscope.diagnosis.Diagnosis why) {
            Tooltip tooltip = new Tooltip(why.text());
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(640);
            return tooltip;
        }

        private ObservableValue<String> text(PodRowViewModel item) {
            if (column.fromMetrics()) {
                return item.usageProperty().map(column::usageText);
            }
            if (column == PodColumn.WHY) {
                return item.whyProperty().map(d -> d.headline()).orElse("");
            }
            if (column.ticks()) {
                return Bindings.createStringBinding(() -> column.text(item.printedAt(model.nowProperty().get())),
                        model.nowProperty(), item.printedProperty());
            }
            return item.printedProperty().map(column::text);
        }
    }

    private static final class PodTableRow extends TableRow<PodRowViewModel> {
        private final ChangeListener<PodRow> onChange = (obs, old, row) -> show(row);

        PodTableRow(Consumer<PodRowViewModel> onOpen) {
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && getItem() != null) {
                    onOpen.accept(getItem());
                }
            });
            itemProperty().addListener((obs, old, item) -> {
                if (old != null) {
                    old.printedProperty().removeListener(onChange);
                }
                if (item != null) {
                    item.printedProperty().addListener(onChange);
                }
                show(item == null ? null : item.printed());
            });
        }

        private void show(PodRow row) {
            CATEGORY_CLASSES.forEach((category, pseudoClass) ->
                    pseudoClassStateChanged(pseudoClass, row != null && row.category() == category));
        }
    }
}
