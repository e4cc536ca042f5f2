package dev.podscope.ui;

import dev.podscope.session.ConnectionState;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Context, API server, pods per phase and whether what is shown is live. */
final class StatusBar extends HBox {
    private static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    StatusBar(MainWindowViewModel model) {
        getStyleClass().add("status-bar");
        setId("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);

        Label context = new Label(null, Icon.CONTEXT.graphic());
        context.setId("status-context");
        context.textProperty().bind(model.contextProperty().map(c -> c.name()));
        context.setMinWidth(Region.USE_PREF_SIZE);
        Label server = new Label();
        server.setId("status-server");
        server.getStyleClass().add("status-muted");
        server.textProperty().bind(model.serverProperty());
        server.setMinWidth(Region.USE_PREF_SIZE);
        Label counts = new Label();
        counts.setId("status-counts");
        counts.textProperty().bind(model.phaseSummary());
        counts.setMinWidth(Region.USE_PREF_SIZE);
        Label shown = new Label();
        shown.setId("status-shown");
        shown.getStyleClass().add("status-muted");
        shown.textProperty().bind(model.table().shownCountProperty().map(n -> n + " shown"));
        shown.setMinWidth(Region.USE_PREF_SIZE);

        Label connection = new Label();
        connection.setId("status-connection");
        connection.getStyleClass().add("connection");
        connection.textProperty().bind(model.connectionText());
        // the state only, never cut off; why is in the notice above the table
        connection.setMinWidth(Region.USE_PREF_SIZE);
        model.table().connectionProperty().subscribe(state -> showState(connection, model));
        model.bundleProperty().subscribe(bundle -> showState(connection, model));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(context, server, separator(), counts, spacer, shown, separator(), connection);
    }

    /** A bundle is never "live": it shows the bundle icon, without the live colour. */
    private static void showState(Label connection, MainWindowViewModel model) {
        ConnectionState state = model.table().connectionProperty().get();
        boolean bundle = model.bundleProperty().get() != null && state == ConnectionState.LIVE;
        connection.setGraphic(bundle ? Icon.BUNDLE.graphic() : switch (state) {
            case LIVE -> Icon.LIVE.graphic();
            case CONNECTING -> Icon.CONNECTING.graphic();
            case RECONNECTING -> Icon.STALE.graphic();
            case FAILED, STOPPED -> Icon.DISCONNECTED.graphic();
        });
        connection.pseudoClassStateChanged(LIVE, state == ConnectionState.LIVE && !bundle);
        connection.pseudoClassStateChanged(STALE, state == ConnectionState.RECONNECTING
                || state == ConnectionState.CONNECTING);
        connection.pseudoClassStateChanged(FAILED, state == ConnectionState.FAILED
                || state == ConnectionState.STOPPED);
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
