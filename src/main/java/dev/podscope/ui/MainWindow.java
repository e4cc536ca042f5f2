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
import dev.podscope.events.EventsView;
import dev.podscope.kube.KubeContext;
import dev.podscope.pods.detail.PodDetailView;
import dev.podscope.pods.PodRowViewModel;
import dev.podscope.pods.PodTableView;
import dev.podscope.portforward.ForwardsView;
import dev.podscope.portforward.StartForwardDialog;
import dev.podscope.portforward.StartForwardViewModel;
import dev.podscope.probes.ProbeDialog;
import dev.podscope.probes.ProbeViewModel;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;

/**
 * The main window: context, namespace and filter on top, the pod table in the centre (with the opened pod below
 * it) or the namespace's events, the status bar at the bottom. Keys: {@code /} filter, Esc clear filter / close
 * detail, Enter open, Ctrl+L namespace, Ctrl+P pods, Ctrl+E events, Ctrl+1…6 detail tabs.
 */
public final class MainWindow extends BorderPane {
    private static final KeyCombination NAMESPACE_KEY = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PODS_KEY = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination EVENTS_KEY = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FORWARDS_KEY = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination FORWARD_POD_KEY = new KeyCodeCombination(KeyCode.F, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination PROBE_POD_KEY = new KeyCodeCombination(KeyCode.P, KeyCombination.SHIFT_DOWN);

    private final MainWindowViewModel model;
    private final PodTableView table;
    private final CustomTextField filter = new CustomTextField();
    private final ComboBox<NamespaceChoice> namespace = new ComboBox<>();
    private final SplitPane centre = new SplitPane();
    private final PodDetailView detail;
    private final EventsView events;
    /** The centre above, the port-forwards panel below it while shown. */
    private final SplitPane body = new SplitPane(centre);
    private final ForwardsView forwards;

    public MainWindow(MainWindowViewModel model) {
        this.model = model;
        this.table = new PodTableView(model.table(), model::open);
        this.detail = new PodDetailView(model.detail(), this::closeDetail);
        this.events = new EventsView(model.events());
        getStyleClass().add("main-window");
        VBox top = new VBox(menuBar());
        if (model.isSandbox()) {
            top.getChildren().add(sandboxBanner());
        }
        top.getChildren().add(bundleBanner());
        top.getChildren().addAll(toolbar(), new NoticeArea(model));
        setTop(top);
        centre.setOrientation(Orientation.VERTICAL);
        centre.getItems().add(table);
        body.setOrientation(Orientation.VERTICAL);
        setCenter(body);
        forwards = new ForwardsView(model.forwards(), () -> model.forwardsShownProperty().set(false),
                this::startServiceForward);
        model.forwardsShownProperty().subscribe(this::showForwards);
        // a context's favourite forwards are offered in the panel, so show it when there is an offer
        model.forwards().offerProperty().subscribe(offer -> {
            if (offer != null) {
                model.forwardsShownProperty().set(true);
            }
        });
        // a bundle is a capture: nothing runs against it, so what would reach a pod or Service is off while shown
        table.addPodAction("pod-forward", "Port-forward…", FORWARD_POD_KEY, this::startForward).disableProperty()
                .bind(model.readOnlyProperty());
        table.addPodAction("pod-probe", "Run probe now…", PROBE_POD_KEY, this::probe).disableProperty()
                .bind(model.readOnlyProperty());
        forwards.lookup("#forward-new").disableProperty().bind(model.readOnlyProperty());
        setBottom(new StatusBar(model));
        model.viewProperty().subscribe(view -> {
            body.getItems().set(0, view == MainView.EVENTS ? events : centre);
            if (view == MainView.EVENTS) {
                events.table().requestFocus();
            }
        });
        model.detail().podProperty().subscribe(pod -> {
            showDetail(pod != null);
            if (pod != null && table.getSelectionModel().getSelectedItem() != pod) {
                table.getSelectionModel().select(pod);
                int index = table.getItems().indexOf(pod);
                if (index >= 0) {
                    table.scrollTo(index);
                }
            }
        });
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

    private MenuBar menuBar() {
        MenuItem openBundle = new MenuItem("Open bundle…", Icon.OPEN_BUNDLE.graphic());
        openBundle.setId("open-bundle");
        openBundle.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        openBundle.setOnAction(event -> chooseBundle());
        Menu file = new Menu("File", null, openBundle);
        file.setId("file-menu");
        MenuBar bar = new MenuBar(file);
        bar.getStyleClass().add("main-menu");
        return bar;
    }

    private void chooseBundle() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a Podscope bundle");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Podscope bundles (*.zip)", "*.zip"));
        File chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            model.openBundle(chosen.toPath());
        }
    }

    /** Shown while a bundle is: what it is, whence and when, and that nothing in it can be changed. */
    private HBox bundleBanner() {
        Label banner = new Label(null, Icon.BUNDLE.graphic());
        banner.setId("bundle-banner");
        banner.textProperty().bind(model.bundleProperty().map(b -> b.describe()));
        HBox box = new HBox(banner);
        box.getStyleClass().add("bundle-banner");
        box.setAlignment(Pos.CENTER);
        box.visibleProperty().bind(model.readOnlyProperty());
        box.managedProperty().bind(box.visibleProperty());
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

        ToggleButton forwardsToggle = new ToggleButton(null, Icon.FORWARD.graphic());
        forwardsToggle.setId("forwards-toggle");
        forwardsToggle.getStyleClass().addAll("button-icon", "flat");
        forwardsToggle.setTooltip(new Tooltip("Port-forwards (Ctrl+Shift+F)"));
        forwardsToggle.selectedProperty().bindBidirectional(model.forwardsShownProperty());
        forwardsToggle.setFocusTraversable(false);

        Button bundle = new Button(null, Icon.EXPORT.graphic());
        bundle.setId("export-bundle");
        bundle.getStyleClass().addAll("button-icon", "flat");
        bundle.setTooltip(new Tooltip("Export a diagnostic bundle (zip, secrets redacted)"));
        bundle.setOnAction(event -> openBundleExport());
        bundle.disableProperty().bind(model.readOnlyProperty());
        bundle.setFocusTraversable(false);

        HBox bar = new HBox(8, label(Icon.CONTEXT), context, label(Icon.NAMESPACE), namespace, viewSwitch(), filter,
                forwardsToggle, bundle, theme);
        bar.getStyleClass().add("top-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Pods | Events, as a segmented pair of toggles bound to the view-model's view. */
    private HBox viewSwitch() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton pods = new ToggleButton("Pods");
        pods.setId("view-pods");
        pods.setTooltip(new Tooltip("The pods of the namespace (Ctrl+P)"));
        ToggleButton eventsButton = new ToggleButton("Events");
        eventsButton.setId("view-events");
        eventsButton.setTooltip(new Tooltip("The events of the namespace (Ctrl+E)"));
        pods.getStyleClass().add(Styles.LEFT_PILL);
        eventsButton.getStyleClass().add(Styles.RIGHT_PILL);
        pods.setToggleGroup(group);
        eventsButton.setToggleGroup(group);
        model.viewProperty().subscribe(view -> group.selectToggle(view == MainView.EVENTS ? eventsButton : pods));
        group.selectedToggleProperty().subscribe((old, now) -> {
            if (now == null) {
                group.selectToggle(old); // one of the two is always chosen
            } else {
                model.viewProperty().set(now == eventsButton ? MainView.EVENTS : MainView.PODS);
            }
        });
        pods.setFocusTraversable(false);
        eventsButton.setFocusTraversable(false);
        HBox box = new HBox(pods, eventsButton);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
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
        if (FORWARDS_KEY.match(event)) {
            model.forwardsShownProperty().set(!model.forwardsShownProperty().get());
            event.consume();
        } else if (NAMESPACE_KEY.match(event)) {
            namespace.requestFocus();
            namespace.show();
            event.consume();
        } else if (PODS_KEY.match(event) || EVENTS_KEY.match(event)) {
            model.viewProperty().set(PODS_KEY.match(event) ? MainView.PODS : MainView.EVENTS);
            if (PODS_KEY.match(event)) {
                focusTable();
            }
            event.consume();
        } else if (model.detail().podProperty().get() != null && body.getItems().getFirst() == centre && detail.handleKey(event)) {
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
            centre.setDividerPositions(0.4);
        } else if (!show && shown) {
            centre.getItems().remove(detail);
        }
    }

    private void showForwards(boolean show) {
        boolean shown = body.getItems().contains(forwards);
        if (show && !shown) {
            body.getItems().add(forwards);
            body.setDividerPositions(0.68);
        } else if (!show && shown) {
            body.getItems().remove(forwards);
        }
    }

    private void startForward(PodRowViewModel row) {
        StartForwardViewModel form = model.startForward(row);
        if (form != null) {
            model.forwardsShownProperty().set(true);
            StartForwardDialog.show(getScene().getWindow(), form);
        }
    }

    private void startServiceForward() {
        StartForwardViewModel form = model.startServiceForward();
        if (form != null) {
            StartForwardDialog.show(getScene().getWindow(), form);
        }
    }

    private void probe(PodRowViewModel row) {
        ProbeViewModel probe = model.probe(row);
        if (probe != null) {
            ProbeDialog.show(getScene().getWindow(), probe);
        }
    }

    public ForwardsView forwards() {
        return forwards;
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
