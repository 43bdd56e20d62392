package dev.conn.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An HTTP/1.1 server on 127.0.0.1 built on a raw {@link ServerSocket}, for the misbehaviours
 * MockWebServer cannot script: it drops the connection after reading a request, hangs, closes
 * keep-alive connections after an idle time without saying so (as HAProxy's and nginx's idle
 * timeouts do), or speaks HTTP/1.0. Every request it reads in full is recorded before it acts.
 * All threads are daemons and end at {@link #close()}.
 */
public final class LoopbackServer implements AutoCloseable {
    /** What the server does with a request it has read in full. */
    public enum Act {
        /** Answers 200 with the default body, keeping the connection alive. */
        ANSWER,
        /** Reads the request, then closes the connection without a byte of answer. */
        DROP_AFTER_BODY,
        /** Reads the request and never answers (until the client or {@link #close()} ends it). */
        HANG,
        /** Answers as an HTTP/1.0 server: status line {@code HTTP/1.0}, then closes. */
        HTTP_1_0
    }

    /**
     * A request read in full.
     *
     * @param method the method
     * @param path the path with query
     * @param headers header names in lower case to their last value
     * @param body the body as UTF-8
     * @param connection which accepted connection (1, 2, ...) carried it
     */
    public record Request(String method, String path, Map<String, String> headers, String body, int connection) {}

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-server");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Deque<Act> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private volatile Act otherwise = Act.ANSWER;
    private volatile Duration idleClose = Duration.ofMinutes(5);
    private volatile Function<Request, Answer> answers = r -> new Answer(200, "ok");

    /**
     * An answer.
     *
     * @param code the status
     * @param body the body
     */
    public record Answer(int code, String body) {}

    /**
     * Starts on a free port of 127.0.0.1.
     *
     * @throws IOException if it cannot listen
     */
    public LoopbackServer() throws IOException {
        this(0);
    }

    /**
     * @param port the port, 0 for a free one
     * @throws IOException if it cannot listen
     */
    public LoopbackServer(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
        threads.execute(this::accept);
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:4711} */
    public String base() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** @return the port */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * @param path a path starting with /
     * @return the URL
     */
    public String url(String path) {
        return base() + path;
    }

    /**
     * @param act what to do with the next request not yet scripted
     * @return this
     */
    public synchronized LoopbackServer then(Act act) {
        script.add(act);
        return this;
    }

    /** @param act what to do once the script is used up */
    public void otherwise(Act act) {
        otherwise = act;
    }

    /**
     * Closes a keep-alive connection silently once it has been idle this long after an answer
     * ({@link Duration#ZERO}: right after the answer).
     *
     * @param idle the idle time
     */
    public void closeIdleAfter(Duration idle) {
        idleClose = idle;
    }

    /** @param a how to answer {@link Act#ANSWER} requests */
    public void answers(Function<Request, Answer> a) {
        answers = a;
    }

    /** @return every request read in full, in order */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** @return how many connections were accepted */
    public int connections() {
        return connections.get();
    }

    /**
     * Waits until this many connections have ended (by either side), polling for at most {@code
     * limit}.
     *
     * @param n how many
     * @param limit the longest wait
     * @return true if they did
     * @throws InterruptedException if interrupted
     */
    public boolean awaitEnded(int n, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (ended.get() < n) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private synchronized Act next(Request r) {
        requests.add(r);
        Act a = script.poll();
        return a != null ? a : otherwise;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                int n = connections.incrementAndGet();
                open.add(s);
                threads.execute(() -> serve(s, n));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s, int n) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            boolean first = true;
            while (true) {
                if (!first) {
                    long idleMs = idleClose.toMillis();
                    if (idleMs <= 0) {
                        return; // closes without a word, as a proxy with a short idle timeout does
                    }
                    s.setSoTimeout((int) idleMs);
                }
                Request r;
                try {
                    r = read(in, n);
                } catch (SocketTimeoutException e) {
                    return; // idle too long
                }
                if (r == null) {
                    return; // the client closed
                }
                first = false;
                s.setSoTimeout(0);
                switch (next(r)) {
                    case ANSWER -> write(out, "HTTP/1.1", answers.apply(r));
                    case DROP_AFTER_BODY -> {
                        return;
                    }
                    case HANG -> {
                        while (in.read() >= 0) {
                            // wait for the client (or close()) to end the connection
                        }
                        return;
                    }
                    case HTTP_1_0 -> {
                        write(out, "HTTP/1.0", answers.apply(r));
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(s);
            ended.incrementAndGet();
        }
    }

    private static void write(OutputStream out, String version, Answer a) throws IOException {
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        String head = version + " " + a.code() + " " + (a.code() < 400 ? "OK" : "Error") + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** @return the next request, or null if the connection ended before one began */
    private static Request read(InputStream in, int connection) throws IOException {
        String line = line(in);
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        String h;
        while ((h = line(in)) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(
                        h.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        h.substring(colon + 1).strip());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new SocketException("request body cut off");
        }
        return new Request(
                parts[0],
                parts.length > 1 ? parts[1] : "",
                headers,
                new String(body, StandardCharsets.UTF_8),
                connection);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
