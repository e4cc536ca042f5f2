package dev.podscope.portforward;

import dev.podscope.ui.Icon;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** "3 favourite port-forwards of context dev: … [Start] [Not now]", shown while the context has some not running. */
final class FavouritesOfferView extends HBox {

    FavouritesOfferView(ForwardsViewModel model) {
        setId("favourites-offer");
        getStyleClass().add("favourites-offer");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        Label text = new Label(null, Icon.FAVOURITE.graphic());
        text.setId("favourites-offer-text");
        text.textProperty().bind(model.offerProperty().map(ForwardsViewModel.FavouriteOffer::text));
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Tooltip full = new Tooltip();
        full.textProperty().bind(text.textProperty());
        text.setTooltip(full);
        Button start = new Button("Start", Icon.START.graphic());
        start.setId("favourites-start");
        start.getStyleClass().add("accent");
        start.setOnAction(event -> model.startFavourites());
        Button dismiss = new Button("Not now");
        dismiss.setId("favourites-dismiss");
        dismiss.getStyleClass().add("flat");
        dismiss.setOnAction(event -> model.dismissFavourites());
        getChildren().addAll(text, start, dismiss);
        visibleProperty().bind(model.offerProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
