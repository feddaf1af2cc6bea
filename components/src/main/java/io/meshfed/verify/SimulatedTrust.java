package io.meshfed.verify;

import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.TrustSource;
import io.meshfed.trust.ClusterIdentity;
import io.meshfed.trust.KeyAlgorithm;
import io.meshfed.trust.MeshTrust;
import io.meshfed.trust.TrustSeed;
import io.meshfed.trust.TrustSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real meshfed PKI for simulation, from a seed derived from the mesh name (never a production
 * seed): one shared root for all clusters, or — to show the state before federation — one
 * independent root per cluster.
 */
public final class SimulatedTrust implements TrustSource {

    private final Map<String, MeshTrust> byCluster = new LinkedHashMap<>();

    private SimulatedTrust() {
    }

    public static SimulatedTrust shared(MeshSpec spec) {
        SimulatedTrust t = new SimulatedTrust();
        List<ClusterIdentity> ids = spec.clusters().stream().map(c -> new ClusterIdentity(c.name(), c.effectiveTrustDomain())).toList();
        MeshTrust trust = MeshTrust.issue(settings(spec), seed(spec.name()), ids);
        ids.forEach(id -> t.byCluster.put(id.cluster(), trust));
        return t;
    }

    public static SimulatedTrust separateRoots(MeshSpec spec) {
        SimulatedTrust t = new SimulatedTrust();
        spec.clusters().forEach(c -> t.byCluster.put(c.name(), MeshTrust.issue(settings(spec), seed(spec.name() + "/" + c.name()),
                List.of(new ClusterIdentity(c.name(), c.effectiveTrustDomain())))));
        return t;
    }

    private static TrustSettings settings(MeshSpec spec) {
        KeyAlgorithm algorithm;
        try {
            algorithm = KeyAlgorithm.valueOf(spec.trust().keyType());
        } catch (IllegalArgumentException unknown) {
            algorithm = KeyAlgorithm.defaultAlgorithm();
        }
        return TrustSettings.defaults(Instant.parse(spec.trust().notBefore())).withKeyAlgorithm(algorithm);
    }

    private static TrustSeed seed(String label) {
        try {
            byte[] bytes = MessageDigest.getInstance("SHA-256").digest(("meshfed-simulated/" + label).getBytes(StandardCharsets.UTF_8));
            return TrustSeed.fromBase64(Base64.getEncoder().encodeToString(bytes));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public Map<String, String> cacerts(String cluster) {
        return byCluster.get(cluster).caCerts(cluster).revealSecretData();
    }

    @Override
    public boolean workloadsNeedEcdsa() {
        return byCluster.values().iterator().next().workloadsNeedEcdsa();
    }

    @Override
    public String rootFingerprintSha256() {
        return String.join(",", byCluster.values().stream().map(MeshTrust::rootFingerprintSha256).distinct().toList());
    }
}
