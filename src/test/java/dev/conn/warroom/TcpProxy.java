package dev.conn.warroom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy between consoles and the war room's server, which a test can cut (every
 * connection through it breaks at once, and new ones are closed on arrival) and heal: a network
 * partition of one console, on 127.0.0.1 only. Public for the benchmark ({@code
 * dev.conn.bench.WarRoomBench}).
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Object flow = new Object();
    private final java.util.concurrent.atomic.AtomicLong held = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean cut;
    private volatile boolean hung;
    private volatile boolean closed;

    /** @param target the port on 127.0.0.1 to forward to */
    public TcpProxy(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** @return the proxy's port on 127.0.0.1 */
    public int port() {
        return server.getLocalPort();
    }

    /** Breaks every connection through the proxy and refuses new ones until {@link #heal()}. */
    public void cut() {
        cut = true;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /** Lets connections through again (also after {@link #hang()}: the bytes held go on). */
    public void heal() {
        cut = false;
        synchronized (flow) {
            hung = false;
            flow.notifyAll();
        }
    }

    /**
     * A hung server: connections stay open, but no byte goes through either way until {@link
     * #heal()} (what arrives meanwhile is held, and counted).
     */
    public void hang() {
        hung = true;
    }

    /** @return bytes that arrived while hung and wait to go through */
    public long held() {
        return held.get();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[16384];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            awaitFlow(n);
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // one side closed or was cut
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Holds {@code n} bytes while hung (bounded by {@link #heal()}, {@link #cut()} or close). */
    private void awaitFlow(int n) throws IOException {
        if (!hung) {
            return;
        }
        held.addAndGet(n);
        try {
            synchronized (flow) {
                while (hung && !cut && !closed) {
                    flow.wait(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hung", e);
        } finally {
            held.addAndGet(-n);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        cut();
        server.close();
    }
}
