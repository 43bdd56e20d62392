package dev.conn.platform.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;

/**
 * The one shared OkHttp client and the guards every adapter uses: bounded connect, read, write
 * and call timeouts, and a cap on how many bytes of a response body are read. Requests go through
 * {@link HttpTransport}, which derives from this client what each kind of request needs (retries
 * of stale pooled connections for reads, a fresh connection per post).
 *
 * <p>OkHttp shares its connection pool and dispatcher between clients derived with {@link
 * OkHttpClient#newBuilder()}, so adapters that need other timeouts derive from {@link #shared()}
 * (https://square.github.io/okhttp/5.x/okhttp/okhttp3/-ok-http-client/). No call made through
 * these clients may run on the JavaFX application thread.
 */
public final class HttpClients {
    /** Connect timeout of the shared client: 5 s. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Read and write timeout of the shared client: 15 s between bytes. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    /** Whole-call timeout of the shared client: 30 s, so a server that never answers is bounded. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectTimeout(CONNECT_TIMEOUT)
            .readTimeout(READ_TIMEOUT)
            .writeTimeout(READ_TIMEOUT)
            .callTimeout(CALL_TIMEOUT)
            .retryOnConnectionFailure(false) // HttpTransport decides per kind of request
            .build();

    private HttpClients() {}

    /** @return the process-wide client; derive with {@code newBuilder()} for other timeouts */
    public static OkHttpClient shared() {
        return SHARED;
    }

    /**
     * Reads a response body, refusing one longer than {@code maxBytes}. Reads at most {@code
     * maxBytes + 1} bytes, so a huge or endless body costs bounded memory and time.
     *
     * @param body the body (not closed here)
     * @param maxBytes the cap in bytes, positive
     * @return the bytes
     * @throws BodyTooLargeException if the body is longer than the cap
     * @throws IOException if reading fails (including a read timeout)
     */
    public static byte[] readCapped(ResponseBody body, long maxBytes) throws IOException {
        Objects.requireNonNull(body, "body");
        if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        long declared = body.contentLength();
        if (declared > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
            return bytes;
        }
    }

    /** A response body was longer than the reader allows. */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        /** @param maxBytes the cap that was exceeded, in bytes */
        public BodyTooLargeException(long maxBytes) {
            super("the response is larger than "
                    + (maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MB" : maxBytes + " bytes")
                    + ", Conn's limit; narrow the query or the time range");
        }
    }
}
