package io.meshfed.stack;

import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.TrustSource;
import java.util.Map;
import java.util.TreeMap;

/** TEST DATA ONLY: fixed fake PEM strings, not certificates; stands in until seed-derived trust is merged. */
record FakeTrust(String mesh) implements TrustSource {

    static final String KEY_MARKER = "TEST-ONLY-NOT-A-KEY";

    static FakeTrust of(MeshSpec spec) {
        return new FakeTrust(spec.name());
    }

    @Override
    public Map<String, String> cacerts(String cluster) {
        Map<String, String> files = new TreeMap<>();
        files.put("ca-cert.pem", pem("CERTIFICATE", "test intermediate " + mesh + "/" + cluster));
        files.put("ca-key.pem", pem("PRIVATE KEY", KEY_MARKER + " " + mesh + "/" + cluster));
        files.put("cert-chain.pem", pem("CERTIFICATE", "test chain " + mesh + "/" + cluster));
        files.put("root-cert.pem", pem("CERTIFICATE", "test root " + mesh));
        return files;
    }

    @Override
    public boolean workloadsNeedEcdsa() {
        return true;
    }

    @Override
    public String rootFingerprintSha256() {
        return "test-root-fingerprint-" + mesh;
    }

    private static String pem(String type, String body) {
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
