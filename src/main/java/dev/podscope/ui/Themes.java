package dev.podscope.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** AtlantaFX's Primer themes for the whole application, plus Podscope's own sheet on top. */
public final class Themes {
    private static final String PODSCOPE_CSS = Themes.class.getResource("podscope.css").toExternalForm();

    private Themes() {
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static void addStylesheet(Scene scene) {
        scene.getStylesheets().add(PODSCOPE_CSS);
    }
}
