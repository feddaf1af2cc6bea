package io.meshfed.pulumi;

import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.TrustSource;
import java.util.Map;
import java.util.TreeMap;

/** TEST DATA ONLY: fixed fake PEM strings, not certificates. */
record TestTrust(String mesh) implements TrustSource {

    static final String KEY_MARKER = "TEST-ONLY-NOT-A-KEY";

    static TestTrust of(MeshSpec spec) {
        return new TestTrust(spec.name());
    }

    @Override
    public Map<String, String> cacerts(String cluster) {
        Map<String, String> files = new TreeMap<>();
        files.put("ca-cert.pem", "-----BEGIN CERTIFICATE-----\ntest " + cluster + "\n-----END CERTIFICATE-----\n");
        files.put("ca-key.pem", "-----BEGIN PRIVATE KEY-----\n" + KEY_MARKER + " " + cluster + "\n-----END PRIVATE KEY-----\n");
        files.put("cert-chain.pem", "-----BEGIN CERTIFICATE-----\ntest chain " + cluster + "\n-----END CERTIFICATE-----\n");
        files.put("root-cert.pem", "-----BEGIN CERTIFICATE-----\ntest root\n-----END CERTIFICATE-----\n");
        return files;
    }

    @Override
    public boolean workloadsNeedEcdsa() {
        return false;
    }

    @Override
    public String rootFingerprintSha256() {
        return "test-fingerprint";
    }
}
