package dev.conn.impact.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a source, as HAProxy's or nginx's idle timeout behaves: a
 * client connection that carries no bytes for {@code idleMillis} is closed without a word, so a
 * pooled keep-alive connection goes stale. With the upstream down it answers what a gateway
 * answers: {@code 502 Bad Gateway} with an HTML page. Test-only; listens on 127.0.0.1.
 */
final class IdleClosingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private final int idleMillis;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "idle-closing-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger idleClosed = new AtomicInteger();
    private final List<Socket> open = new ArrayList<>();
    private volatile boolean upstreamDown;

    IdleClosingProxy(int upstreamPort, int idleMillis) throws IOException {
        this.upstreamPort = upstreamPort;
        this.idleMillis = idleMillis;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** @return how many client connections were closed for being idle */
    int idleClosed() {
        return idleClosed.get();
    }

    /** @param down true: answer every request with the gateway's 502 page */
    void upstreamDown(boolean down) {
        upstreamDown = down;
        if (down) {
            // a gateway whose upstream died drops the connections it was relaying
            synchronized (open) {
                for (Socket s : open) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
                open.clear();
            }
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                synchronized (open) {
                    open.add(client);
                }
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        if (upstreamDown) {
            badGateway(client);
            return;
        }
        try (client;
                Socket upstream = new Socket()) {
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 2000);
            // the idle timeout: no byte from the client for idleMillis closes both sides
            client.setSoTimeout(idleMillis);
            threads.execute(() -> pump(upstream, client));
            InputStream in = client.getInputStream();
            OutputStream out = upstream.getOutputStream();
            byte[] buf = new byte[16384];
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (java.net.SocketTimeoutException idle) {
                    idleClosed.incrementAndGet();
                    return;
                }
                if (n < 0) {
                    return;
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // a side closed: the connection is over
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // closed
        } finally {
            try {
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static void badGateway(Socket client) {
        try (client) {
            client.setSoTimeout(2000);
            InputStream in = client.getInputStream();
            // read the request head, then answer like nginx does
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                head.append((char) c);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            String body = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                    + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
            String response = "HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\nContent-Type: text/html\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body;
            client.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (open) {
            for (Socket s : open) {
                s.close();
            }
        }
        threads.shutdownNow();
    }
}
