package dev.conn.platform.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Applies the colour theme: AtlantaFX Primer (https://github.com/mkpaz/atlantafx) as the base
 * user-agent stylesheet, then Conn's tokens (dark by default, light overriding tokens only), then
 * the feature stylesheets, which use tokens and never literal colours.
 */
public final class ThemeManager {
    private static final String BASE = "/dev/conn/platform/theme/";
    private static final String TOKENS = BASE + "tokens.css";
    private static final String TOKENS_LIGHT = BASE + "tokens-light.css";
    private static final List<String> FEATURE_SHEETS = List.of(
            BASE + "base.css",
            "/dev/conn/incident/incident.css",
            "/dev/conn/timeline/timeline.css",
            "/dev/conn/command/people.css");

    private ThemeManager() {}

    /**
     * Styles a scene.
     *
     * @param scene the scene
     * @param dark true for the dark theme, false for light
     */
    public static void apply(Scene scene, boolean dark) {
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().clear();
        scene.getStylesheets().add(url(TOKENS));
        if (!dark) {
            scene.getStylesheets().add(url(TOKENS_LIGHT));
        }
        FEATURE_SHEETS.forEach(s -> scene.getStylesheets().add(url(s)));
    }

    /** @return true if the scene currently has the light tokens */
    public static boolean isLight(Scene scene) {
        return scene.getStylesheets().contains(url(TOKENS_LIGHT));
    }

    private static String url(String resource) {
        return Objects.requireNonNull(ThemeManager.class.getResource(resource), resource)
                .toExternalForm();
    }
}
