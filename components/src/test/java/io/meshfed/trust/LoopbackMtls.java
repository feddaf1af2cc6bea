package io.meshfed.trust;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * One real TLS 1.3 mTLS exchange on 127.0.0.1: handshake, then one byte each way so that a
 * rejection by the server (which in TLS 1.3 the client only sees after its own handshake
 * completed) is observed too. Every blocking call has a timeout.
 */
final class LoopbackMtls {
    private static final int TIMEOUT_MILLIS = 10_000;
    private static final int SERVER_HELLO = 1;
    private static final int CLIENT_ACK = 2;

    /** What each side saw: the peer's SPIFFE ID on success, the exception otherwise. */
    record Outcome(String serverSawPeer, Throwable serverFailure, String clientSawPeer, Throwable clientFailure) {
        boolean succeeded() {
            return serverFailure == null && clientFailure == null;
        }

        boolean bothFailed() {
            return serverFailure != null && clientFailure != null;
        }
    }

    private LoopbackMtls() {
    }

    static Outcome exchange(SSLContext server, SSLContext client) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            listener.setEnabledProtocols(new String[] {SpiffeTls.PROTOCOL});
            listener.setNeedClientAuth(true);
            listener.setSoTimeout(TIMEOUT_MILLIS);
            Future<String> serverSide = executor.submit(() -> serve(listener));

            String clientSawPeer = null;
            Throwable clientFailure = null;
            try {
                clientSawPeer = connect(client, listener.getLocalPort());
            } catch (IOException failure) {
                clientFailure = failure;
            }
            String serverSawPeer = null;
            Throwable serverFailure = null;
            try {
                serverSawPeer = serverSide.get(2L * TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException failure) {
                serverFailure = failure.getCause();
            } catch (TimeoutException hung) {
                throw new AssertionError("server side did not finish within " + 2 * TIMEOUT_MILLIS + " ms", hung);
            }
            return new Outcome(serverSawPeer, serverFailure, clientSawPeer, clientFailure);
        } finally {
            executor.shutdownNow();
        }
    }

    private static String serve(SSLServerSocket listener) throws IOException {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
            String peer = peerId(socket);
            socket.getOutputStream().write(SERVER_HELLO);
            socket.getOutputStream().flush();
            int ack = socket.getInputStream().read();
            if (ack != CLIENT_ACK) {
                throw new IOException("client did not acknowledge (read " + ack + ")");
            }
            return peer;
        }
    }

    private static String connect(SSLContext client, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setEnabledProtocols(new String[] {SpiffeTls.PROTOCOL});
            socket.startHandshake();
            int hello = socket.getInputStream().read();
            if (hello != SERVER_HELLO) {
                throw new IOException("server closed without data (read " + hello + ")");
            }
            socket.getOutputStream().write(CLIENT_ACK);
            socket.getOutputStream().flush();
            return peerId(socket);
        }
    }

    private static String peerId(SSLSocket socket) throws IOException {
        X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        if (!SpiffeTls.PROTOCOL.equals(socket.getSession().getProtocol())) {
            throw new IOException("negotiated " + socket.getSession().getProtocol() + " instead of " + SpiffeTls.PROTOCOL);
        }
        return SpiffeIds.fromCertificate(leaf).orElseThrow(() -> new IOException("peer has no SPIFFE ID"));
    }

    /** The first throwable of the given type in the cause chain, or null. */
    static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }
}
