package dev.conn.platform.secrets;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values this process has resolved (webhook URLs, API keys, passwords), so that any
 * text about to be stored, logged or exported can be scrubbed of them by value, not only by
 * pattern: a receiver's error body that echoes a webhook URL's path is caught even when the URL
 * looks like no known service.
 *
 * <p>One instance per process, made by the composition root (the window's {@code AppContext}, or
 * the CLI) and handed to whatever resolves secrets and whatever stores text. Values are held in
 * memory only, never written anywhere. Thread-safe.
 */
public final class KnownSecrets {
    /** Values shorter than this are not scrubbed by value: replacing "abc" everywhere harms the text. */
    public static final int MIN_LENGTH = 6;

    private final Set<String> values = ConcurrentHashMap.newKeySet();

    /**
     * Remembers a resolved secret. A URL also contributes its path (with any query), since error
     * bodies and proxies often echo the path without the host.
     *
     * @param secret the resolved value; null or short values are ignored
     */
    public void remember(String secret) {
        if (secret == null) {
            return;
        }
        String s = secret.strip();
        if (s.length() < MIN_LENGTH) {
            return;
        }
        values.add(s);
        try {
            URI uri = new URI(s);
            if (uri.getScheme() != null
                    && uri.getRawPath() != null
                    && uri.getRawPath().length() >= MIN_LENGTH) {
                values.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                values.add(uri.getRawPath());
            }
            if (uri.getRawUserInfo() != null && uri.getRawUserInfo().length() >= MIN_LENGTH) {
                values.add(uri.getRawUserInfo());
            }
        } catch (URISyntaxException e) {
            // not a URL: the value alone is remembered
        }
    }

    /**
     * Removes every remembered secret value, then every secret-looking pattern ({@link
     * Redaction#patterns}), from a text.
     *
     * @param text any text (null stays null)
     * @return the text with secrets replaced by {@link Redaction#MASK}
     */
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (!values.isEmpty()) {
            List<String> longestFirst = new ArrayList<>(values);
            longestFirst.sort(Comparator.comparingInt(String::length).reversed());
            for (String v : longestFirst) {
                if (out.contains(v)) {
                    out = out.replace(v, Redaction.MASK);
                }
            }
        }
        return Redaction.patterns(out);
    }

    /** @return how many values are remembered (for tests) */
    public int size() {
        return values.size();
    }
}
