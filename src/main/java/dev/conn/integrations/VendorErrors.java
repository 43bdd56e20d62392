package dev.conn.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the error message out of each vendor's error body, so a refusal tells the user what the
 * vendor said rather than a status code. Callers scrub the result of secrets before storing or
 * showing it. Pure.
 *
 * <ul>
 *   <li>Jira: {@code {"errorMessages": [...], "errors": {"field": "message"}}}
 *       (https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/#status-codes);
 *   <li>GitHub: {@code {"message": "...", "errors": [{"resource", "field", "code", "message"}]}}
 *       (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api);
 *   <li>GraphQL (Linear): {@code {"errors": [{"message": ..., "extensions": {"userPresentableMessage": ...}}]}}
 *       (https://linear.app/developers/graphql);
 *   <li>PagerDuty Events API: {@code {"status", "message", "errors": [...]}}; REST API:
 *       {@code {"error": {"message", "errors": [...]}}}
 *       (https://developer.pagerduty.com/docs/events-api-v2/overview/);
 *   <li>Grafana: {@code {"message": "..."}} (https://grafana.com/docs/grafana/latest/developers/http_api/).
 * </ul>
 */
public final class VendorErrors {
    /** Longest message kept, in characters. */
    public static final int MAX_LENGTH = 300;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VendorErrors() {}

    /**
     * @param body an error body (JSON or not)
     * @return the vendor's words, one line, at most {@link #MAX_LENGTH} characters; the body itself
     *     (shortened) if it is not a known JSON shape; empty if the body is blank
     */
    public static String message(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return shorten(body);
        }
        List<String> parts = new ArrayList<>();
        if (root != null && root.isObject()) {
            collect(root, parts);
            JsonNode error = root.get("error");
            if (error != null && error.isObject()) {
                collect(error, parts);
            } else if (error != null && error.isTextual()) {
                parts.add(error.asText());
            }
        }
        return parts.isEmpty() ? shorten(body) : shorten(String.join("; ", parts));
    }

    private static void collect(JsonNode node, List<String> parts) {
        addText(node.get("message"), parts);
        for (JsonNode m : node.path("errorMessages")) {
            addText(m, parts);
        }
        JsonNode errors = node.get("errors");
        if (errors != null && errors.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = errors.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                parts.add(e.getKey() + ": " + e.getValue().asText());
            }
        } else if (errors != null && errors.isArray()) {
            for (JsonNode e : errors) {
                if (e.isTextual()) {
                    parts.add(e.asText());
                } else if (e.isObject()) {
                    String user =
                            e.path("extensions").path("userPresentableMessage").asText("");
                    if (!user.isBlank()) {
                        parts.add(user);
                    } else if (e.hasNonNull("message")) {
                        parts.add(e.get("message").asText());
                    } else if (e.hasNonNull("field") || e.hasNonNull("code")) {
                        parts.add(e.path("field").asText("?") + " "
                                + e.path("code").asText(""));
                    }
                }
            }
        }
    }

    private static void addText(JsonNode n, List<String> parts) {
        if (n != null && n.isTextual() && !n.asText().isBlank()) {
            parts.add(n.asText());
        }
    }

    private static String shorten(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > MAX_LENGTH ? one.substring(0, MAX_LENGTH) + "..." : one;
    }
}
