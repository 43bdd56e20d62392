package dev.conn.platform.fx;

import java.util.List;
import javafx.scene.Node;

/**
 * One section (tab) of the settings dialog. Features add theirs (monitoring sources, channels)
 * beside the console's own; the dialog validates every section before it applies any, so a
 * half-saved set of settings never happens.
 */
public interface SettingsSection {
    /** @return the section's title, e.g. "Appearance" */
    String title();

    /** @return the section's editor; built once per opening of the dialog, on the FX thread */
    Node node();

    /**
     * Checks what the user entered, without side effects.
     *
     * @return one message per problem, each naming the field and saying what to fix (e.g. "Your
     *     name: enter 1-80 characters"); empty if everything is fine
     */
    List<String> validate();

    /** Applies and saves what the user entered; called on the FX thread only after every section validated. */
    void apply();
}
