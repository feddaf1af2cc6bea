package io.meshfed.translate;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.List;
import java.util.TreeMap;

/** Stage 2: the {@code istio-system/cacerts} Secret that Istio's plugged-in CA reads. */
final class TrustTranslation {

    static final String SECRET_NAME = "cacerts";
    static final String KEY_FILE = "ca-key.pem";
    static final String ROOT_FILE = "root-cert.pem";

    private final Context ctx;

    TrustTranslation(Context ctx) {
        this.ctx = ctx;
    }

    List<MeshObject> translate(String cluster) {
        Secret secret = new SecretBuilder()
                .withMetadata(ctx.meta(SECRET_NAME, Context.ROOT_NAMESPACE, new Parent("Trust", ctx.spec.name(), cluster)))
                .withType("Opaque")
                .withStringData(new TreeMap<>(ctx.trust.cacerts(cluster)))
                .build();
        return List.of(MeshObject.of(Stage.TRUST, secret));
    }
}
