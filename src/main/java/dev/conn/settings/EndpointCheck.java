package dev.conn.settings;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks for URL fields of the settings (monitoring sources, webhook channels): that the text is
 * an absolute {@code http}/{@code https} URL with a host (RFC 3986), and that the host answers on
 * its port. Messages name the field and say what to fix; they never repeat a URL's query or user
 * info, where webhook secrets live.
 */
public final class EndpointCheck {
    private EndpointCheck() {}

    /**
     * @param field the field's label, e.g. "Prometheus URL"
     * @param text what the user typed
     * @return the URL, or a message saying what is wrong
     */
    public static Result parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return Result.problem(field + ": enter a URL starting with https:// (or http://)");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            return Result.problem(field + ": not a URL (" + e.getReason() + " at character " + (e.getIndex() + 1)
                    + "); write it as https://host:port/path");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Result.problem(field + ": start the URL with https:// or http://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Result.problem(field + ": the URL has no host name; write it as https://host:port/path");
        }
        return new Result(Optional.of(uri), Optional.empty());
    }

    /**
     * Opens and closes a TCP connection to the URL's host and port. Blocking for at most about
     * {@code timeout} (plus name resolution): call off the JavaFX thread.
     *
     * @param field the field's label
     * @param uri a URL accepted by {@link #parse}
     * @param timeout the connect timeout
     * @return empty if the host answered, else a message naming the field, host and port
     */
    public static Optional<String> reachable(String field, URI uri, Duration timeout) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String where = uri.getHost() + ":" + port;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of(field + ": the host " + uri.getHost() + " is unknown; check its spelling and your DNS");
        } catch (IOException e) {
            return Optional.of(field + ": " + where + " does not answer (" + e.getMessage()
                    + "); check the address, the port and your network or VPN");
        }
    }

    /**
     * @param uri the parsed URL, if valid
     * @param problem what is wrong, if not
     */
    public record Result(Optional<URI> uri, Optional<String> problem) {
        static Result problem(String message) {
            return new Result(Optional.empty(), Optional.of(message));
        }
    }
}
