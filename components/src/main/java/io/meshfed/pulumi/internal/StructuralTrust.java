package io.meshfed.pulumi.internal;

import io.meshfed.translate.TrustSource;
import java.util.Map;

/**
 * A trust source without material, for translations that decide which objects exist (trust never
 * changes that) and for components whose objects hold no trust material. The objects that do
 * ({@code cacerts}, istiod's values) are translated again with the real source once it is known.
 */
public final class StructuralTrust implements TrustSource {

    public static final StructuralTrust INSTANCE = new StructuralTrust();

    private StructuralTrust() {
    }

    @Override
    public Map<String, String> cacerts(String cluster) {
        return Map.of("ca-cert.pem", "", "ca-key.pem", "", "cert-chain.pem", "", "root-cert.pem", "");
    }

    @Override
    public boolean workloadsNeedEcdsa() {
        return false;
    }

    @Override
    public String rootFingerprintSha256() {
        return "";
    }
}
