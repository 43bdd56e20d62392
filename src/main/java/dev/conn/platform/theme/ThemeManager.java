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
    private static final String TOKENS_CONTRAST = BASE + "tokens-contrast.css";

    /** The root font size at scale 1, in CSS pixels (base.css). */
    public static final double BASE_FONT_PX = 15;

    /**
     * The smallest text size in projector mode, as a factor of {@link #BASE_FONT_PX}: text read
     * from the back of a room (WCAG 2.1 1.4.4 asks for text resizable to 200 %; a projected 15 px
     * is too small at a few metres).
     */
    public static final double PROJECTOR_MIN_SCALE = 1.5;

    private static final List<String> FEATURE_SHEETS = List.of(
            BASE + "base.css",
            "/dev/conn/incident/ui/incident.css",
            "/dev/conn/timeline/ui/timeline.css",
            "/dev/conn/command/ui/people.css");

    private ThemeManager() {}

    /**
     * Styles a scene.
     *
     * @param scene the scene
     * @param dark true for the dark theme, false for light
     */
    public static void apply(Scene scene, boolean dark) {
        apply(scene, dark, false);
    }

    /**
     * Styles a scene, optionally in the high-contrast projector mode: black background, white
     * text, yellow accent and focus ring (tokens-contrast.css, over the dark base; WCAG 2.1
     * contrast ratio at least 7:1, https://www.w3.org/TR/WCAG21/#contrast-enhanced). The projector
     * mode wins over the light theme.
     *
     * @param scene the scene
     * @param dark true for the dark theme, false for light
     * @param projector true for the high-contrast projector mode
     */
    public static void apply(Scene scene, boolean dark, boolean projector) {
        if (projector) {
            dark = true;
        }
        useBase(dark);
        scene.getStylesheets().clear();
        scene.getStylesheets().add(url(TOKENS));
        if (!dark) {
            scene.getStylesheets().add(url(TOKENS_LIGHT));
        }
        if (projector) {
            scene.getStylesheets().add(url(TOKENS_CONTRAST));
        }
        FEATURE_SHEETS.forEach(s -> scene.getStylesheets().add(url(s)));
    }

    /**
     * Sets the base (user-agent) stylesheet, AtlantaFX Primer in its binary form: JavaFX reads it
     * without parsing 170 KB of CSS. Call before the first control class initialises (e.g. in
     * {@code Application.init}), or JavaFX loads its own Modena stylesheet first, for nothing. Any
     * thread: JavaFX loads it on the FX thread.
     *
     * @param dark true for the dark theme, false for light
     */
    public static void useBase(boolean dark) {
        String bss =
                dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
        if (!bss.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(bss);
        }
    }

    /**
     * Scales every font of the scene: sets the root's font size (everything else is sized in em).
     * Set on the root node, so it also wins over the stylesheet's 15 px.
     *
     * @param scene the scene (its current root)
     * @param scale the factor of {@link #BASE_FONT_PX}, e.g. 1.25
     */
    public static void scaleFonts(Scene scene, double scale) {
        if (scene.getRoot() != null) {
            scene.getRoot()
                    .setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_PX * scale));
        }
    }

    /**
     * The text size the window uses: the chosen scale, and in projector mode at least {@link
     * #PROJECTOR_MIN_SCALE} (a larger chosen scale stays).
     *
     * @param scale the chosen factor of {@link #BASE_FONT_PX}
     * @param projector whether projector mode is on
     * @return the factor to pass to {@link #scaleFonts}
     */
    public static double effectiveScale(double scale, boolean projector) {
        return projector ? Math.max(PROJECTOR_MIN_SCALE, scale) : scale;
    }

    private static String url(String resource) {
        return Objects.requireNonNull(ThemeManager.class.getResource(resource), resource)
                .toExternalForm();
    }
}
