package dev.conn.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.conn.settings.SecretRef;
import java.util.List;

/**
 * Linear, where "Create ticket" can put action items, under {@code integrations.linear}. A personal
 * API key is sent as {@code Authorization: <API key>} (https://linear.app/developers/graphql); it is
 * a {@link SecretRef} only.
 *
 * @param apiUrl the GraphQL endpoint; null means {@value #DEFAULT_API}
 * @param apiKey reference to the API key
 * @param teamId the id of the team issues are created in ({@code IssueCreateInput.teamId})
 * @param labelIds ids of labels added to every issue
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LinearSettings(String apiUrl, SecretRef apiKey, String teamId, List<String> labelIds) {

    /** Linear's GraphQL endpoint. */
    public static final String DEFAULT_API = "https://api.linear.app/graphql";

    /**
     * Checks the fields and fills defaults.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public LinearSettings {
        apiUrl = Fields.url("integrations.linear.apiUrl", apiUrl, DEFAULT_API);
        apiKey = Fields.secret("integrations.linear.apiKey", apiKey);
        teamId = Fields.text("integrations.linear.teamId", teamId);
        labelIds = Fields.strings(labelIds);
    }
}
