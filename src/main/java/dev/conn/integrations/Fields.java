package dev.conn.integrations;

import dev.conn.settings.EndpointCheck;
import dev.conn.settings.SecretRef;
import java.util.List;
import java.util.Objects;

/** The checks the integration settings share; every message names the field, e.g. {@code integrations.jira.baseUrl}. */
final class Fields {
    private Fields() {}

    /**
     * @param field the field's path
     * @param text the URL typed, or null
     * @param fallback the default when none is typed, or null if the field is required
     * @return the URL, without a trailing slash
     * @throws IllegalArgumentException naming the field if the URL is missing or not http(s)
     */
    static String url(String field, String text, String fallback) {
        String value = text == null || text.isBlank() ? fallback : text.strip();
        EndpointCheck.parse(field, value).problem().ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /**
     * @param field the field's path
     * @param text the value
     * @return the value, stripped
     * @throws IllegalArgumentException naming the field if it is missing or blank
     */
    static String text(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return text.strip();
    }

    /**
     * @param field the field's path
     * @param ref the secret reference
     * @return the reference
     * @throws IllegalArgumentException naming the field if it is missing
     */
    static SecretRef secret(String field, SecretRef ref) {
        if (ref == null) {
            throw new IllegalArgumentException(
                    field + " is missing; give it as a secret reference, env:VARIABLE or keyring:ENTRY");
        }
        return ref;
    }

    /**
     * @param list a list from the file, or null
     * @return an unmodifiable copy without blank entries, stripped; empty for null
     */
    static List<String> strings(List<String> list) {
        return list == null
                ? List.of()
                : list.stream()
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
