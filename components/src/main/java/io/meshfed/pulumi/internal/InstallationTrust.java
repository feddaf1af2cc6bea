package io.meshfed.pulumi.internal;

import io.meshfed.translate.TrustSource;
import io.meshfed.trust.KeyAlgorithm;
import java.util.Map;

/**
 * What an Istio installation needs of the mesh's trust: the roots every cluster trusts (for
 * istiod's {@code caCertificates}) and whether the CA keys are ECDSA (then workloads must request
 * ECDSA certificates). Neither is secret; the keys stay with {@code SharedRootTrust}.
 */
public record InstallationTrust(String rootCertificates, String keyType) implements TrustSource {

    @Override
    public Map<String, String> cacerts(String cluster) {
        return Map.of("root-cert.pem", rootCertificates);
    }

    @Override
    public boolean workloadsNeedEcdsa() {
        return KeyAlgorithm.valueOf(keyType).isEc();
    }

    @Override
    public String rootFingerprintSha256() {
        return "";
    }
}
