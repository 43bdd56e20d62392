package dev.conn.comms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the component states a status page update sets, as the composer takes them: {@code
 * Checkout=major_outage, API=degraded_performance}. The states are Statuspage's
 * (https://developer.statuspage.io/#operation/patchPagesPageIdComponentsComponentId).
 */
public final class ComponentStates {
    /** The states a component may be set to. */
    public static final Set<String> STATES =
            Set.of("operational", "degraded_performance", "partial_outage", "major_outage");

    private ComponentStates() {}

    /**
     * @param text comma-separated {@code name=state} pairs; null or blank for none
     * @return component name to state, in the order written
     * @throws IllegalArgumentException naming the pair that is not {@code name=state} with a known
     *     state, in words for the composer
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> byName = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return byName;
        }
        for (String pair : text.strip().split(",")) {
            String[] kv = pair.split("=", 2);
            String state = kv.length == 2 ? kv[1].strip() : "";
            if (kv[0].isBlank() || !STATES.contains(state)) {
                throw new IllegalArgumentException("Components: write name=state, with state one of operational,"
                        + " degraded_performance, partial_outage, major_outage ('" + pair.strip() + "')");
            }
            byName.put(kv[0].strip(), state);
        }
        return byName;
    }
}
