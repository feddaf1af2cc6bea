package io.meshfed.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;
import java.util.TreeMap;

/** Replaces private keys in Secrets, so rendered files can be committed and shared. */
public final class Redaction {

    public static final String REDACTED = "REDACTED: render with --include-secrets, or create this key from your secret store";

    private Redaction() {
    }

    public static HasMetadata redact(HasMetadata object) {
        if (!(object instanceof Secret secret) || !holdsPrivateKey(secret)) {
            return object;
        }
        Map<String, String> data = new TreeMap<>(secret.getStringData());
        data.replaceAll((key, value) -> isPrivateKey(key, value) ? REDACTED : value);
        return new SecretBuilder(secret).withStringData(data).build();
    }

    public static boolean holdsPrivateKey(HasMetadata object) {
        return object instanceof Secret secret && secret.getStringData() != null
                && secret.getStringData().entrySet().stream().anyMatch(e -> isPrivateKey(e.getKey(), e.getValue()));
    }

    private static boolean isPrivateKey(String key, String value) {
        return key.endsWith("-key.pem") || value != null && value.contains("PRIVATE KEY-----");
    }
}
