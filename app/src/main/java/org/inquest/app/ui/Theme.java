package org.inquest.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Light and dark themes: AtlantaFX's Primer pair as the user-agent stylesheet, plus Inquest's own small stylesheet
 * (severity colours, cards) written against AtlantaFX's colour variables so it follows the theme.
 */
public final class Theme {
    private Theme() {
    }

    public static void apply(Scene scene, boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        String own = Theme.class.getResource("workbench.css").toExternalForm();
        if (!scene.getStylesheets().contains(own)) {
            scene.getStylesheets().add(own);
        }
    }
}
