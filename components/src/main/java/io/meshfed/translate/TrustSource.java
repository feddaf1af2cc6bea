package io.meshfed.translate;

import java.util.Map;

/** The trust material translation needs: the {@code cacerts} files of each cluster. */
public interface TrustSource {

    /** File name ({@code ca-cert.pem}, {@code ca-key.pem}, {@code cert-chain.pem}, {@code root-cert.pem}) to PEM. */
    Map<String, String> cacerts(String cluster);

    /** True when the CA keys are ECDSA: workloads must then request ECDSA certificates. */
    boolean workloadsNeedEcdsa();

    String rootFingerprintSha256();
}
