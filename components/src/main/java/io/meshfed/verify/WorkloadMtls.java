package io.meshfed.verify;

import io.fabric8.kubernetes.api.model.Secret;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.HelmRelease;
import io.meshfed.translate.MeshPlan;
import io.meshfed.trust.AcceptedPeers;
import io.meshfed.trust.CaCerts;
import io.meshfed.trust.IstiodCa;
import io.meshfed.trust.MtlsHandshake;
import io.meshfed.trust.WorkloadCertificate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Workload mTLS from the rendered objects only: each cluster's istiod is rebuilt from its rendered
 * {@code istio-system/cacerts} Secret and signs the workload certificates (ECDSA keys when its
 * rendered Helm values set {@code ECC_SIGNATURE_ALGORITHM=ECDSA}); source and destination then run
 * a real TLS 1.3 handshake ({@link MtlsHandshake}): the client accepts the identities it expects of
 * the destination, the server the trust domains its cluster's istiod validates
 * ({@link ValidatedTrustDomains}). Certificates and outcomes are cached across
 * simulators by the content of the Secrets, so repeated checks of one mesh cost one handshake per
 * pair of identities.
 */
public final class WorkloadMtls {
    private static final Duration TTL = Duration.ofHours(24);
    private static final int MAX_ENTRIES = 1024;
    private static final Map<String, Object> CAS = new ConcurrentHashMap<>();
    private static final Map<String, WorkloadCertificate> CERTIFICATES = new ConcurrentHashMap<>();
    private static final Map<String, MtlsHandshake.Outcome> OUTCOMES = new ConcurrentHashMap<>();

    private final MeshPlan plan;

    public WorkloadMtls(MeshPlan plan) {
        this.plan = plan;
    }

    /**
     * Null when the handshake succeeds and each side sees the other's SPIFFE ID, else why not.
     *
     * @param clientAccepts the SPIFFE IDs the source's sidecar accepts for the server
     */
    String handshakeProblem(Workload source, Workload destination, Set<String> clientAccepts) {
        AcceptedPeers serverAccepts;
        try {
            serverAccepts = ValidatedTrustDomains.serverAccepts(plan.cluster(destination.cluster()));
        } catch (IllegalStateException unconfigured) {
            return unconfigured.getMessage();
        }
        return handshakeProblem(source, destination, clientAccepts, serverAccepts);
    }

    /**
     * Null when the handshake succeeds, else why not; the judge passes what the generated TLS
     * contexts accept.
     *
     * @param clientAccepts the SPIFFE IDs the source's sidecar accepts for the server
     * @param serverAccepts the client identities the destination's sidecar accepts
     */
    public String handshakeProblem(Workload source, Workload destination, Set<String> clientAccepts, AcceptedPeers serverAccepts) {
        Object clientCa = ca(source.cluster());
        if (clientCa instanceof String problem) {
            return problem;
        }
        Object serverCa = ca(destination.cluster());
        if (serverCa instanceof String problem) {
            return problem;
        }
        String clientKey = caKey(source.cluster());
        String serverKey = caKey(destination.cluster());
        Object client = certificate((IstiodCa) clientCa, clientKey, source);
        if (client instanceof String problem) {
            return problem;
        }
        Object server = certificate((IstiodCa) serverCa, serverKey, destination);
        if (server instanceof String problem) {
            return problem;
        }
        WorkloadCertificate c = (WorkloadCertificate) client;
        WorkloadCertificate s = (WorkloadCertificate) server;
        String key = clientKey + "|" + source.spiffeId() + "|" + serverKey + "|" + destination.spiffeId() + "|" + new TreeSet<>(clientAccepts)
                + "|" + serverAccepts.describe();
        MtlsHandshake.Outcome outcome = cached(OUTCOMES, key,
                () -> MtlsHandshake.run(c, AcceptedPeers.exactly(clientAccepts), s, serverAccepts));
        if (!outcome.succeeded()) {
            return "mTLS handshake from " + source.describe() + " to " + destination.describe() + " failed: " + outcome.failure();
        }
        return null;
    }

    private Object ca(String cluster) {
        Map<String, String> files;
        try {
            files = cacerts(cluster);
        } catch (IllegalStateException missing) {
            return missing.getMessage();
        }
        return cached(CAS, caKey(cluster), () -> {
            try {
                return IstiodCa.fromSecretData(files);
            } catch (IllegalArgumentException unusable) {
                return "istiod of " + cluster + " cannot use its cacerts Secret: " + unusable.getMessage();
            }
        });
    }

    private Object certificate(IstiodCa ca, String caKey, Workload w) {
        boolean ecdsa = ecdsaWorkloads(w.cluster());
        String key = caKey + "|" + w.spiffeId() + "|" + ecdsa;
        WorkloadCertificate known = CERTIFICATES.get(key);
        if (known != null && known.certificate().getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofMinutes(5)))) {
            return known;
        }
        try {
            WorkloadCertificate issued = ca.issue(w.trustDomain(), w.namespace(), w.serviceAccount(), ecdsa, Instant.now(), TTL);
            bound(CERTIFICATES).put(key, issued);
            return issued;
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return "istiod of " + w.cluster() + " cannot sign for " + w.spiffeId() + ": " + refused.getMessage();
        }
    }

    /** The rendered {@code istio-system/cacerts} Secret's files (stringData, else decoded data). */
    Map<String, String> cacerts(String cluster) {
        Secret secret = plan.cluster(cluster).ofType(Secret.class).stream()
                .filter(x -> CaCerts.SECRET_NAME.equals(x.getMetadata().getName())
                        && CaCerts.SECRET_NAMESPACE.equals(x.getMetadata().getNamespace()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no istio-system/cacerts rendered for " + cluster));
        if (secret.getStringData() != null && !secret.getStringData().isEmpty()) {
            return secret.getStringData();
        }
        Map<String, String> decoded = new java.util.LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> decoded.put(k, new String(java.util.Base64.getDecoder().decode(v), StandardCharsets.US_ASCII)));
        }
        return decoded;
    }

    /** True when the cluster's rendered istiod values ask workloads for ECDSA keys. */
    boolean ecdsaWorkloads(String cluster) {
        ClusterPlan c = plan.cluster(cluster);
        return c.releases().stream().map(HelmRelease::values).anyMatch(v -> mentions(v, "ECC_SIGNATURE_ALGORITHM", "ECDSA"));
    }

    private static boolean mentions(Object values, String key, String value) {
        if (values instanceof Map<?, ?> map) {
            return value.equals(String.valueOf(map.get(key))) || map.values().stream().anyMatch(v -> mentions(v, key, value));
        }
        if (values instanceof Iterable<?> list) {
            for (Object v : list) {
                if (mentions(v, key, value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String caKey(String cluster) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new java.util.TreeMap<>(cacerts(cluster)).forEach((k, v) -> {
                digest.update(k.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(v.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static <V> V cached(Map<String, V> cache, String key, java.util.function.Supplier<V> compute) {
        V known = cache.get(key);
        if (known == null) {
            known = compute.get();
            bound(cache).put(key, known);
        }
        return known;
    }

    private static <V> Map<String, V> bound(Map<String, V> cache) {
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        return cache;
    }
}
