package dev.podscope.ui;

import dev.podscope.bundle.export.BundleExportView;
import dev.podscope.pods.PodKey;
import dev.podscope.pods.PodRowViewModel;
import javafx.stage.Stage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.podscope.kube.KubeContext;
import dev.podscope.pods.PodDetailView;
import dev.podscope.pods.PodTableView;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The main window: context, namespace and filter on top, the pod table in the centre (with the opened pod below
 * it), the status bar at the bottom. Keys: {@code /} filter, Esc clear filter / close detail, Enter open,
 * Ctrl+L namespace.
 */
public final class MainWindow extends BorderPane {
    private static final KeyCombination NAMESPACE_KEY = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

    private final MainWindowViewModel model;
    private final PodTableView table;
    private final CustomTextField filter = new CustomTextField();
    private final ComboBox<NamespaceChoice> namespace = new ComboBox<>();
    private final SplitPane centre = new SplitPane();
    private final PodDetailView detail;

    public MainWindow(MainWindowViewModel model) {
        this.model = model;
        this.table = new PodTableView(model.table(), model::open);
        this.detail = new PodDetailView(model.detail(), this::closeDetail);
        getStyleClass().add("main-window");
        VBox top = new VBox();
        if (model.isSandbox()) {
            top.getChildren().add(sandboxBanner());
        }
        top.getChildren().addAll(toolbar(), new NoticeArea(model));
        setTop(top);
        centre.setOrientation(Orientation.VERTICAL);
        centre.getItems().add(table);
        setCenter(centre);
        setBottom(new StatusBar(model));
        model.detail().podProperty().subscribe(pod -> showDetail(pod != null));
        model.darkThemeProperty().subscribe(dark -> {
            Themes.apply(dark);
            getStyleClass().remove("dark");
            if (dark) {
                getStyleClass().add("dark");
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        addEventFilter(KeyEvent.KEY_TYPED, this::onTyped);
    }

    /** A scene for the window with Podscope's stylesheet; the theme follows the view-model. */
    public static Scene scene(MainWindow window, double width, double height) {
        Scene scene = new Scene(window, width, height);
        Themes.addStylesheet(scene);
        return scene;
    }

    public PodTableView table() {
        return table;
    }

    private HBox sandboxBanner() {
        Label banner = new Label("Sandbox cluster — simulated, not a real cluster", Icon.SANDBOX.graphic());
        banner.setId("sandbox-banner");
        HBox box = new HBox(banner);
        box.getStyleClass().add("sandbox-banner");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private HBox toolbar() {
        ComboBox<KubeContext> context = new ComboBox<>(model.contexts());
        context.setId("context-selector");
        context.setTooltip(new Tooltip("Kubeconfig context"));
        context.setConverter(new StringConverter<>() {
            @Override
            public String toString(KubeContext c) {
                return c == null ? "" : c.name();
            }

            @Override
            public KubeContext fromString(String s) {
                return null;
            }
        });
        model.contextProperty().subscribe(context::setValue);
        context.setOnAction(event -> model.switchContext(context.getValue()));

        namespace.setId("namespace-selector");
        namespace.setItems(model.namespaces());
        namespace.setTooltip(new Tooltip("Namespace (Ctrl+L)"));
        namespace.setCellFactory(list -> new NamespaceCell());
        namespace.setButtonCell(new NamespaceCell());
        namespace.valueProperty().bindBidirectional(model.namespaceProperty());

        filter.setId("filter");
        filter.setLeft(Icon.FILTER.graphic());
        filter.setPromptText("Filter (/): name, app=web,tier!=db, status:Running");
        filter.setTooltip(new Tooltip("""
                Words are combined:
                  web                     name contains "web"
                  app=web,tier!=db        label selector (also: env in (a,b), !canary)
                  -l key                  label "key" exists
                  status:CrashLoopBackOff STATUS is exactly this (commas for alternatives)
                Esc clears the filter."""));
        filter.textProperty().bindBidirectional(model.table().filterTextProperty());
        model.table().filterErrorProperty().subscribe(error ->
                filter.pseudoClassStateChanged(Styles.STATE_DANGER, error != null));
        HBox.setHgrow(filter, Priority.ALWAYS);

        Button theme = new Button();
        theme.setId("theme-toggle");
        theme.getStyleClass().addAll("button-icon", "flat");
        theme.graphicProperty().bind(model.darkThemeProperty().map(dark ->
                (dark ? Icon.THEME_LIGHT : Icon.THEME_DARK).graphic()));
        theme.setTooltip(new Tooltip("Switch between light and dark theme"));
        theme.setOnAction(event -> model.toggleTheme());
        theme.setFocusTraversable(false);

        Button bundle = new Button(null, Icon.EXPORT.graphic());
        bundle.setId("export-bundle");
        bundle.getStyleClass().addAll("button-icon", "flat");
        bundle.setTooltip(new Tooltip("Export a diagnostic bundle (zip, secrets redacted)"));
        bundle.setOnAction(event -> openBundleExport());
        bundle.setFocusTraversable(false);

        HBox bar = new HBox(8, label(Icon.CONTEXT), context, label(Icon.NAMESPACE), namespace, filter, bundle, theme);
        bar.getStyleClass().add("top-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void openBundleExport() {
        List<PodKey> selected = table.getSelectionModel().getSelectedItems().stream()
                .filter(Objects::nonNull).map(PodRowViewModel::key).toList();
        model.bundleExport(selected, Path.of(System.getProperty("user.home"))).ifPresent(export -> {
            Stage stage = new Stage();
            stage.initOwner(getScene().getWindow());
            stage.setTitle("Export diagnostic bundle");
            Scene scene = new Scene(new BundleExportView(export, stage::close));
            Themes.addStylesheet(scene);
            stage.setScene(scene);
            stage.setOnCloseRequest(e -> export.cancel());
            stage.show();
        });
    }

    private static Label label(Icon icon) {
        Label label = new Label(null, icon.graphic());
        label.getStyleClass().add("top-bar-icon");
        return label;
    }

    private void onTyped(KeyEvent event) {
        if ("/".equals(event.getCharacter()) && !(getScene().getFocusOwner() instanceof TextInputControl)) {
            filter.requestFocus();
            filter.selectAll();
            event.consume();
        }
    }

    private void onKey(KeyEvent event) {
        if (NAMESPACE_KEY.match(event)) {
            namespace.requestFocus();
            namespace.show();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE && filter.isFocused()) {
            model.table().clearFilter();
            focusTable();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE && table.isFocused()) {
            if (model.detail().podProperty().get() != null) {
                closeDetail();
            } else {
                model.table().clearFilter();
            }
            event.consume();
        } else if ((event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.DOWN) && filter.isFocused()) {
            focusTable();
            event.consume();
        }
    }

    private void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
            table.getFocusModel().focus(0);
        }
    }

    private void closeDetail() {
        model.closeDetail();
        table.requestFocus();
    }

    private void showDetail(boolean show) {
        boolean shown = centre.getItems().contains(detail);
        if (show && !shown) {
            centre.getItems().add(detail);
            centre.setDividerPositions(0.55);
        } else if (!show && shown) {
            centre.getItems().remove(detail);
        }
    }

    private static final class NamespaceCell extends ListCell<NamespaceChoice> {
        @Override
        protected void updateItem(NamespaceChoice item, boolean empty) {
            super.updateItem(item, empty);
            textProperty().unbind();
            if (empty || item == null) {
                setText(null);
            } else {
                ObservableValue<String> label = item.label();
                textProperty().bind(label);
            }
        }
    }
}
