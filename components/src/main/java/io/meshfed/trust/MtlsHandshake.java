package io.meshfed.trust;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * One real JSSE TLS 1.3 mutual-TLS exchange between two in-memory {@link SSLEngine}s, as between
 * two Istio sidecars: each side presents its workload certificate and chain, verifies the other's
 * against its own trust bundle and checks the peer's SPIFFE ID. After the handshake one byte goes
 * each way, so a rejection by the server (which a TLS 1.3 client only sees after its own handshake
 * finished) is observed too. No threads, no sockets.
 */
public final class MtlsHandshake {
    private static final int MAX_ROUNDS = 64;

    /**
     * What happened: the SPIFFE ID each side saw, or the failure that ended the exchange.
     *
     * @param failure null on success, else a one-line reason naming the side that refused
     */
    public record Outcome(String clientSawPeer, String serverSawPeer, String protocol, String failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    private MtlsHandshake() {
    }

    /**
     * @param client          the calling workload's identity
     * @param clientAccepts   SPIFFE IDs the client accepts for the server
     * @param server          the called workload's identity
     * @param serverAccepts   SPIFFE IDs the server accepts for the client
     */
    public static Outcome run(WorkloadCertificate client, Set<String> clientAccepts, WorkloadCertificate server,
            Set<String> serverAccepts) {
        return run(client, AcceptedPeers.exactly(clientAccepts), server, AcceptedPeers.exactly(serverAccepts));
    }

    /**
     * @param client          the calling workload's identity
     * @param clientAccepts   the server identities the client accepts
     * @param server          the called workload's identity
     * @param serverAccepts   the client identities the server accepts (its validated trust domains)
     */
    public static Outcome run(WorkloadCertificate client, AcceptedPeers clientAccepts, WorkloadCertificate server,
            AcceptedPeers serverAccepts) {
        SSLEngine c = SpiffeTls.sslContext(client, client.trustBundle(), clientAccepts).createSSLEngine("server", 15443);
        SSLEngine s = SpiffeTls.sslContext(server, server.trustBundle(), serverAccepts).createSSLEngine();
        c.setUseClientMode(true);
        s.setUseClientMode(false);
        s.setNeedClientAuth(true);
        c.setEnabledProtocols(new String[] {SpiffeTls.PROTOCOL});
        s.setEnabledProtocols(new String[] {SpiffeTls.PROTOCOL});
        Side cs = new Side("client", c, (byte) 1);
        Side ss = new Side("server", s, (byte) 2);
        try {
            c.beginHandshake();
            s.beginHandshake();
            for (int round = 0; round < MAX_ROUNDS && !(cs.received && ss.received); round++) {
                cs.step(ss);
                ss.step(cs);
            }
            if (!(cs.received && ss.received)) {
                return new Outcome(null, null, null, "the exchange did not complete");
            }
            return new Outcome(peer(c.getSession()), peer(s.getSession()), c.getSession().getProtocol(), null);
        } catch (SSLException failure) {
            String side = cs.failed ? "the client (" + client.spiffeId() + ")" : "the server (" + server.spiffeId() + ")";
            return new Outcome(null, null, null, side + " refused the handshake: " + reason(failure));
        }
    }

    private static String peer(SSLSession session) throws SSLException {
        X509Certificate leaf = (X509Certificate) session.getPeerCertificates()[0];
        return SpiffeIds.fromCertificate(leaf).orElse(null);
    }

    /** The first certificate check's message in the cause chain (it says why), else the deepest message. */
    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException && t.getMessage() != null) {
                return t.getMessage();
            }
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }

    /** One engine with its outgoing application data and network buffer towards the peer. */
    private static final class Side {
        final String name;
        final SSLEngine engine;
        final ByteBuffer out;
        final ByteBuffer network;
        final ByteBuffer in;
        boolean received;
        boolean failed;

        Side(String name, SSLEngine engine, byte payload) {
            this.name = name;
            this.engine = engine;
            this.out = ByteBuffer.wrap(new byte[] {payload});
            this.network = ByteBuffer.allocate(engine.getSession().getPacketBufferSize() * 4);
            this.in = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize() + 64);
        }

        /** Wraps towards the peer's inbound buffer, then unwraps what the peer sent. */
        void step(Side peer) throws SSLException {
            try {
                wrap();
                unwrap(peer);
            } catch (SSLException failure) {
                failed = true;
                throw failure;
            }
        }

        private void wrap() throws SSLException {
            ByteBuffer data = engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                    ? out : ByteBuffer.allocate(0);
            SSLEngineResult result;
            do {
                result = engine.wrap(data, network);
                runTasks();
            } while (result.getStatus() == SSLEngineResult.Status.OK && result.bytesProduced() > 0
                    && engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP);
        }

        private void unwrap(Side peer) throws SSLException {
            peer.network.flip();
            try {
                while (peer.network.hasRemaining()) {
                    SSLEngineResult result = engine.unwrap(peer.network, in);
                    runTasks();
                    if (in.position() > 0) {
                        received = true;
                    }
                    if (result.getStatus() != SSLEngineResult.Status.OK) {
                        break;
                    }
                    if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                        wrap();
                    }
                }
            } finally {
                peer.network.compact();
            }
        }

        private void runTasks() {
            for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                task.run();
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
