package io.meshfed.verify;

import io.meshfed.translate.MeshPlan;
import io.meshfed.trust.Certificates;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * Trust read from the rendered {@code istio-system/cacerts} Secrets: does each cluster's chain
 * verify against the other cluster's {@code root-cert.pem}?
 */
public final class TrustCheck {

    private final MeshPlan plan;

    public TrustCheck(MeshPlan plan) {
        this.plan = plan;
    }

    /** Null when the intermediates of both clusters verify against both roots, else why not. */
    public String sharedRootProblem(String a, String b) {
        String ab = verifies(a, b);
        String ba = verifies(b, a);
        return ab == null ? ba : ab;
    }

    private String verifies(String chainCluster, String rootCluster) {
        X509Certificate intermediate = Certificates.parsePem(file(chainCluster, "cert-chain.pem")).get(0);
        List<X509Certificate> roots = Certificates.parsePem(file(rootCluster, "root-cert.pem"));
        for (X509Certificate root : roots) {
            try {
                intermediate.verify(root.getPublicKey());
                return null;
            } catch (java.security.GeneralSecurityException notThisOne) {
                // try the next root of the bundle
            }
        }
        return "the intermediate of " + chainCluster + " (issuer " + intermediate.getIssuerX500Principal() + ") does not verify against the root-cert.pem of "
                + rootCluster + " (roots " + roots.stream().map(TrustCheck::fingerprint).toList() + ")";
    }

    String file(String cluster, String name) {
        return new WorkloadMtls(plan).cacerts(cluster).get(name);
    }

    private static String fingerprint(X509Certificate c) {
        try {
            return "sha256:" + HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded())).substring(0, 16);
        } catch (Exception e) {
            return "?";
        }
    }
}
