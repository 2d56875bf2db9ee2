package jp.systemgear.ec.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback that a test can cut and restore, so a service loses its database the way
 * it would in production (open connections die, new ones are refused) and then gets it back.
 */
public final class OutageProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final ServerSocket control;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean up = true;

    public OutageProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.control = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "outage-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        Thread controller = new Thread(this::controlLoop, "outage-proxy-control");
        controller.setDaemon(true);
        controller.start();
    }

    /** The port that takes the commands {@code down} and {@code up}, one per connection. */
    public int controlPort() {
        return control.getLocalPort();
    }

    /**
     * Sends a command to the proxy listening on {@code controlPort}; returns once it has acted. A
     * socket, not a shared object, because the test and the test resource live in different class
     * loaders (and system properties must stay strings: libraries iterate over them).
     */
    public static void command(int controlPort, boolean up) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), controlPort)) {
            socket.getOutputStream().write((up ? "up\n" : "down\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            if (socket.getInputStream().read() < 0) {
                throw new IOException("the outage proxy closed the control connection");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void controlLoop() {
        while (!control.isClosed()) {
            try (Socket socket = control.accept()) {
                String command = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        java.nio.charset.StandardCharsets.US_ASCII)).readLine();
                if ("down".equals(command)) {
                    cut();
                } else if ("up".equals(command)) {
                    restore();
                }
                socket.getOutputStream().write('k');
                socket.getOutputStream().flush();
            } catch (IOException e) {
                if (control.isClosed()) {
                    return;
                }
            }
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Drops every open connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        up = false;
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    public void restore() {
        up = true;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!up) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                // PostgreSQL's protocol is request/response: Nagle's delay would add ~40 ms a round trip.
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ignored) {
                // The other side closed or the proxy was cut.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "outage-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        cut();
        try {
            control.close();
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }
}
