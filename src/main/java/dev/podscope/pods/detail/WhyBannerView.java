package dev.podscope.pods.detail;

import dev.podscope.diagnosis.Diagnosis;
import dev.podscope.diagnosis.Severity;
import dev.podscope.ui.Icon;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** "Why?" on top of an unhealthy pod's detail: the headline in bold, the facts below; hidden for healthy pods. */
final class WhyBannerView extends HBox {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    WhyBannerView(WhyViewModel model) {
        setId("why-banner");
        getStyleClass().add("why-banner");
        Label icon = new Label(null, Icon.POD_WARNING.graphic());
        icon.getStyleClass().add("why-icon");
        Label headline = new Label();
        headline.setId("why-headline");
        headline.getStyleClass().add("why-headline");
        headline.setWrapText(true);
        Label details = new Label();
        details.setId("why-details");
        details.getStyleClass().add("why-details");
        details.setWrapText(true);
        // wrapped labels must be allowed their full height, or they are cut with an ellipsis
        headline.setMinHeight(Region.USE_PREF_SIZE);
        details.setMinHeight(Region.USE_PREF_SIZE);
        VBox text = new VBox(2, headline, details);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().addAll(icon, text);
        setAlignment(Pos.TOP_LEFT);
        setSpacing(10);
        model.diagnosisProperty().subscribe((Diagnosis d) -> {
            setVisible(d != null);
            setManaged(d != null);
            headline.setText(d == null ? "" : "Why? " + d.headline());
            details.setText(d == null ? "" : String.join("\n", d.details()));
            details.setVisible(d != null && !d.details().isEmpty());
            details.setManaged(details.isVisible());
            pseudoClassStateChanged(ERROR, d != null && d.severity() == Severity.ERROR);
        });
    }
}
