package dev.conn.platform.secrets;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret values this process has resolved (webhook URLs, API keys, passwords), so that any
 * text about to be stored, logged or exported can be scrubbed of them by value, not only by
 * pattern: a receiver's error body that echoes a webhook URL's path is caught even when the URL
 * looks like no known service.
 *
 * <p>One instance per process, made by the composition root (the window's {@code AppContext}, or
 * the CLI) and handed to whatever resolves secrets and whatever stores, logs or exports text.
 * Values are held in memory only, never written anywhere. Matching is case-insensitive (a proxy
 * may echo {@code Hooks.Example.com}). Thread-safe.
 *
 * <p>A secret a user types into free text (a note, a postmortem section) was never resolved, so it
 * cannot be known: only {@link Redaction}'s patterns can catch it.
 */
public final class KnownSecrets {
    /** Values shorter than this are not scrubbed by value: replacing "abc" everywhere harms the text. */
    public static final int MIN_LENGTH = 6;

    private final Set<String> values = ConcurrentHashMap.newKeySet();
    private volatile Pattern compiled;

    /**
     * Remembers a resolved secret. A URL also contributes its path (with any query) and its user
     * information, since error bodies and proxies often echo the path without the host; each value
     * is also remembered URL-encoded, as it appears when echoed inside another URL.
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
        List<String> add = new ArrayList<>();
        add.add(s);
        try {
            URI uri = new URI(s);
            if (uri.getScheme() != null
                    && uri.getRawPath() != null
                    && uri.getRawPath().length() >= MIN_LENGTH) {
                add.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                add.add(uri.getRawPath());
            }
            if (uri.getRawUserInfo() != null && uri.getRawUserInfo().length() >= MIN_LENGTH) {
                add.add(uri.getRawUserInfo());
            }
        } catch (URISyntaxException e) {
            // not a URL: the value alone is remembered
        }
        boolean changed = false;
        for (String v : add) {
            changed |= values.add(v);
            String encoded = URLEncoder.encode(v, StandardCharsets.UTF_8);
            if (!encoded.equals(v)) {
                changed |= values.add(encoded);
            }
        }
        if (changed) {
            synchronized (this) {
                compiled = null;
            }
        }
    }

    /**
     * Removes every remembered secret value, then every secret-looking pattern ({@link
     * Redaction#patterns}): for log lines and for text about to be stored (failure reasons).
     *
     * @param text any text (null stays null)
     * @return the text with secrets replaced by {@link Redaction#MASK}
     */
    public String scrub(String text) {
        return Redaction.patterns(scrubValues(text));
    }

    /**
     * Removes every remembered secret value, then every credential-shaped value ({@link
     * Redaction#credentials}), keeping the trace ids, hashes and links a postmortem needs: for
     * exports.
     *
     * @param text any text (null stays null)
     * @return the text with secrets replaced by {@link Redaction#MASK}
     */
    public String scrubForExport(String text) {
        return Redaction.credentials(scrubValues(text));
    }

    /**
     * Removes every remembered secret value, and nothing else.
     *
     * @param text any text (null stays null)
     * @return the text with each remembered value replaced by {@link Redaction#MASK}
     */
    public String scrubValues(String text) {
        if (text == null || text.isEmpty() || values.isEmpty()) {
            return text;
        }
        return pattern().matcher(text).replaceAll(Matcher.quoteReplacement(Redaction.MASK));
    }

    private Pattern pattern() {
        Pattern p = compiled;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (compiled == null) {
                List<String> longestFirst = new ArrayList<>(values);
                longestFirst.sort(
                        Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
                StringBuilder alternation = new StringBuilder();
                for (String v : longestFirst) {
                    if (alternation.length() > 0) {
                        alternation.append('|');
                    }
                    alternation.append(Pattern.quote(v));
                }
                compiled = Pattern.compile(alternation.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            }
            return compiled;
        }
    }

    /** @return how many values are remembered (for tests) */
    public int size() {
        return values.size();
    }
}
