package dev.conn.shell;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * Tells whether this machine is online, for the status bar. Blocking: the window calls it through
 * the background runner, never on the FX thread. Injectable so tests (and later a probe of the
 * configured monitoring or channel hosts) can replace it.
 */
@FunctionalInterface
public interface ConnectivityProbe {
    /**
     * @return true if online
     * @throws Exception if the check itself failed (shown as offline)
     */
    boolean online() throws Exception;

    /**
     * @return a probe that sends nothing: online while a network interface other than loopback is
     *     up and has an address (java.net.NetworkInterface)
     */
    static ConnectivityProbe networkInterfaces() {
        return () -> {
            try {
                for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    if (n.isUp() && !n.isLoopback() && n.getInetAddresses().hasMoreElements()) {
                        return true;
                    }
                }
                return false;
            } catch (SocketException e) {
                return false;
            }
        };
    }
}
