package io.meshfed.scenarios.real;

import io.meshfed.trust.Certificates;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code openssl s_client -showcerts} run from the {@code client} container (netshoot, which has
 * openssl; {@code istio/proxyv2} images are not guaranteed to, and the distroless ones have no shell)
 * of the probe pod outside the mesh, and the parser of its output: the certificate chain the server's
 * proxy presents, or none.
 *
 * <p>The ClientHello offers ALPN {@value #ISTIO_ALPN}. A sidecar's inbound listener selects its Istio
 * mTLS filter chain by ALPN ({@code istio-peer-exchange}, {@code istio}); under PERMISSIVE, TLS
 * without an Istio ALPN is passed through to the application (or matches no chain), so a probe
 * without it would see no certificate and mistake PERMISSIVE for DISABLE (istio/istio#31297, #29538).
 */
public final class OpenSslProbe {

    private static final Pattern ENTRY = Pattern.compile("^\\s*(\\d+) s:(.*)$");
    private static final Pattern ISSUER = Pattern.compile("^\\s+i:(.*)$");

    private OpenSslProbe() {
    }

    public record ChainEntry(int depth, String subject, String issuer) {
    }

    /** What s_client saw: the chain entries with their PEMs (empty when no peer certificate), and the verify result line. */
    public record Result(boolean connected, List<ChainEntry> entries, List<String> pems, String verifyReturn, boolean noPeerCertificate) {

        public List<X509Certificate> certificates() {
            return pems.stream().map(p -> Certificates.parsePem(p).get(0)).toList();
        }

        public boolean presentedChain() {
            return !pems.isEmpty();
        }
    }

    static final String ISTIO_ALPN = "istio";
    /** ztunnel's inbound HBONE listener (ambient): mTLS with the workload's certificate, HTTP/2 CONNECT inside. */
    public static final int HBONE_PORT = 15008;
    public static final String HBONE_ALPN = "h2";

    /** argv run in the container (towards a sidecar): closes stdin at once so s_client ends after the handshake. */
    public static List<String> command(String host, int port, String serverName) {
        return command(host, port, serverName, ISTIO_ALPN);
    }

    public static List<String> command(String host, int port, String serverName, String alpn) {
        String sni = serverName == null ? "" : " -servername " + CurlProbe.shellQuote(serverName);
        return List.of("sh", "-c", "openssl s_client -showcerts -alpn " + alpn + " -connect " + CurlProbe.shellQuote(host + ":" + port) + sni
                + " </dev/null 2>&1");
    }

    public static Result parse(String output) {
        List<ChainEntry> entries = new ArrayList<>();
        List<String> pems = new ArrayList<>();
        String verify = null;
        boolean connected = false;
        boolean noPeer = false;
        String[] lines = output.split("\r?\n");
        StringBuilder pem = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("CONNECTED(")) {
                connected = true;
            } else if (line.contains("no peer certificate available")) {
                noPeer = true;
            } else if (line.startsWith("Verify return code:")) {
                verify = line.substring("Verify return code:".length()).trim();
            }
            Matcher m = ENTRY.matcher(line);
            if (m.matches() && i + 1 < lines.length) {
                Matcher issuer = ISSUER.matcher(lines[i + 1]);
                if (issuer.matches()) {
                    entries.add(new ChainEntry(Integer.parseInt(m.group(1)), m.group(2).trim(), issuer.group(1).trim()));
                }
            }
            if (line.equals("-----BEGIN CERTIFICATE-----")) {
                pem = new StringBuilder();
            }
            if (pem != null) {
                pem.append(line).append('\n');
                if (line.equals("-----END CERTIFICATE-----")) {
                    pems.add(pem.toString());
                    pem = null;
                }
            }
        }
        return new Result(connected, List.copyOf(entries), List.copyOf(pems), verify, noPeer);
    }

    /**
     * Null when two presented chains share a root: the CA certificate below the leaf of each chain
     * verifies against the top certificate of the other. Istio with a plugged-in CA presents
     * leaf, intermediate, root ({@code cert-chain.pem} appended to the leaf).
     */
    public static String sharedRootProblem(String clusterA, List<X509Certificate> chainA, String clusterB, List<X509Certificate> chainB) {
        if (chainA.size() < 2 || chainB.size() < 2) {
            return "a chain without its CA certificates (" + clusterA + ": " + chainA.size() + ", " + clusterB + ": " + chainB.size() + " certificates)";
        }
        String ab = verifies(clusterA, chainA, clusterB, chainB);
        return ab != null ? ab : verifies(clusterB, chainB, clusterA, chainA);
    }

    private static String verifies(String chainCluster, List<X509Certificate> chain, String rootCluster, List<X509Certificate> rootChain) {
        X509Certificate issuerOfLeaf = chain.get(1);
        X509Certificate root = rootChain.get(rootChain.size() - 1);
        try {
            if (chain.size() == 2) {
                issuerOfLeaf.verify(root.getPublicKey());
            } else {
                chain.get(chain.size() - 2).verify(root.getPublicKey());
            }
            return null;
        } catch (java.security.GeneralSecurityException e) {
            return "the chain presented in " + chainCluster + " (CA " + issuerOfLeaf.getSubjectX500Principal() + ") does not verify against the root presented in "
                    + rootCluster + " (" + root.getSubjectX500Principal() + "): " + e.getMessage();
        }
    }
}
