package dev.conn.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.conn.settings.SecretRef;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Jira Cloud, where "Create ticket" can put action items, in {@code settings.json} under {@code
 * integrations.jira}. Jira Cloud's REST API takes basic authentication with the account's e-mail
 * and an API token (https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/);
 * the token is a {@link SecretRef} only.
 *
 * @param baseUrl the site, e.g. {@code https://example.atlassian.net}
 * @param email the account the token belongs to (not a secret)
 * @param apiToken reference to the API token
 * @param projectKey the project's key, e.g. {@code OPS}
 * @param issueType the issue type's name; null means {@value #DEFAULT_ISSUE_TYPE}
 * @param labels labels added to every ticket besides {@code conn} and the item's own
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JiraSettings(
        String baseUrl, String email, SecretRef apiToken, String projectKey, String issueType, List<String> labels) {

    /** The issue type used when none is set. */
    public static final String DEFAULT_ISSUE_TYPE = "Task";

    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,254}");
    private static final Pattern LABEL = Pattern.compile("\\S{1,255}");

    /**
     * Checks the fields and fills defaults.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public JiraSettings {
        baseUrl = Fields.url("integrations.jira.baseUrl", baseUrl, null);
        email = Fields.text("integrations.jira.email", email);
        apiToken = Fields.secret("integrations.jira.apiToken", apiToken);
        projectKey = Fields.text("integrations.jira.projectKey", projectKey);
        if (!PROJECT_KEY.matcher(projectKey).matches()) {
            throw new IllegalArgumentException("integrations.jira.projectKey: '" + projectKey
                    + "' is not a Jira project key (capital letters and digits, starting with a letter, e.g."
                    + " OPS)");
        }
        issueType = issueType == null || issueType.isBlank() ? DEFAULT_ISSUE_TYPE : issueType.strip();
        labels = Fields.strings(labels);
        for (String l : labels) {
            if (!LABEL.matcher(l).matches()) {
                throw new IllegalArgumentException(
                        "integrations.jira.labels: '" + l + "' has a space; Jira labels are single words");
            }
        }
    }
}
