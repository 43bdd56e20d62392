package dev.conn.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.conn.settings.SecretRef;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * GitHub Issues, where "Create ticket" can put action items, under {@code integrations.github}.
 * Requests carry {@code Authorization: Bearer <token>} (a fine-grained token with "Issues: read and
 * write" on the repository, https://docs.github.com/en/rest/issues/issues#create-an-issue); the
 * token is a {@link SecretRef} only. Labels and assignees are set only for a token with push
 * access, and dropped silently otherwise, so the token needs push access for the stable label that
 * lets Conn find a ticket again.
 *
 * @param apiBase the API root; null means {@value #DEFAULT_API} (GitHub Enterprise Server:
 *     {@code https://HOST/api/v3})
 * @param owner the repository's owner (user or organisation)
 * @param repo the repository's name
 * @param token reference to the token
 * @param labels labels added to every ticket besides {@code conn} and the item's own
 * @param assignees an action item's owner as typed in Conn (a name or e-mail, case-insensitive) to
 *     a GitHub login; an owner written {@code @login} needs no entry
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record GitHubSettings(
        String apiBase,
        String owner,
        String repo,
        SecretRef token,
        List<String> labels,
        Map<String, String> assignees) {

    /** The public API. */
    public static final String DEFAULT_API = "https://api.github.com";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,38})");

    /**
     * Checks the fields and fills defaults.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public GitHubSettings {
        apiBase = Fields.url("integrations.github.apiBase", apiBase, DEFAULT_API);
        owner = Fields.text("integrations.github.owner", owner);
        repo = Fields.text("integrations.github.repo", repo);
        for (String[] f : new String[][] {{"owner", owner}, {"repo", repo}}) {
            if (!NAME.matcher(f[1]).matches()) {
                throw new IllegalArgumentException("integrations.github." + f[0] + ": '" + f[1]
                        + "' is not a GitHub name (letters, digits, '-', '_' or '.')");
            }
        }
        token = Fields.secret("integrations.github.token", token);
        labels = Fields.strings(labels);
        Map<String, String> byOwner = new TreeMap<>();
        if (assignees != null) {
            for (Map.Entry<String, String> e : assignees.entrySet()) {
                String login = e.getValue() == null ? "" : e.getValue().strip().replaceFirst("^@", "");
                if (!LOGIN.matcher(login).matches()) {
                    throw new IllegalArgumentException("integrations.github.assignees: '" + e.getValue() + "' for '"
                            + e.getKey() + "' is not a GitHub login");
                }
                byOwner.put(e.getKey().strip().toLowerCase(Locale.ROOT), login);
            }
        }
        assignees = Map.copyOf(byOwner);
    }

    /**
     * @param conOwner an action item's owner as typed in Conn
     * @return the GitHub login to assign: {@code @login} as written, else the mapped login, else none
     */
    public Optional<String> loginFor(String conOwner) {
        if (conOwner == null || conOwner.isBlank()) {
            return Optional.empty();
        }
        String o = conOwner.strip();
        if (o.startsWith("@") && LOGIN.matcher(o.substring(1)).matches()) {
            return Optional.of(o.substring(1));
        }
        return Optional.ofNullable(assignees.get(o.toLowerCase(Locale.ROOT)));
    }
}
