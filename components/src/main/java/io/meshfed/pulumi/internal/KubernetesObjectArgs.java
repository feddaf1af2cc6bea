package io.meshfed.pulumi.internal;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The inputs of one Kubernetes object exactly as the translation serialised it. Only the top-level
 * fields the translation produces are accepted; anything else fails rather than being dropped.
 */
public final class KubernetesObjectArgs extends ResourceArgs {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "metadata", "spec", "type", "stringData");

    @Import(name = "apiVersion", required = true)
    private Output<String> apiVersion;

    @Import(name = "kind", required = true)
    private Output<String> kind;

    @Import(name = "metadata", required = true)
    private Output<Map<String, Object>> metadata;

    @Import(name = "spec")
    private @Nullable Output<Map<String, Object>> spec;

    @Import(name = "type")
    private @Nullable Output<String> type;

    @Import(name = "stringData")
    private @Nullable Output<Map<String, String>> stringData;

    private KubernetesObjectArgs() {
    }

    /** From a serialised object; {@code stringData} (Secret contents) is always a Pulumi secret. */
    public static KubernetesObjectArgs of(Map<String, Object> object) {
        return of(object, null);
    }

    /** As {@link #of(Map)}, with gateway address placeholders in the spec replaced by {@code addresses}. */
    public static KubernetesObjectArgs of(Map<String, Object> object, @Nullable Output<Map<String, String>> addresses) {
        return of(object, addresses, null);
    }

    /** As {@link #of(Map, Output)}, with the Secret contents from {@code stringData} when given (a Pulumi secret either way). */
    @SuppressWarnings("unchecked")
    public static KubernetesObjectArgs of(Map<String, Object> object, @Nullable Output<Map<String, String>> addresses,
                                          @Nullable Output<Map<String, String>> stringData) {
        for (String key : object.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException("unsupported top-level field '" + key + "' in " + object.get("kind"));
            }
        }
        KubernetesObjectArgs args = new KubernetesObjectArgs();
        args.apiVersion = Output.of((String) object.get("apiVersion"));
        args.kind = Output.of((String) object.get("kind"));
        args.metadata = Output.of(PulumiValues.mapOf((Map<?, ?>) object.get("metadata")));
        if (object.containsKey("spec")) {
            Map<String, Object> spec = PulumiValues.mapOf((Map<?, ?>) object.get("spec"));
            args.spec = addresses == null ? Output.of(spec)
                    : addresses.applyValue(a -> (Map<String, Object>) GatewayAddresses.substitute(spec, a));
        }
        if (object.containsKey("type")) {
            args.type = Output.of((String) object.get("type"));
        }
        if (stringData != null) {
            args.stringData = stringData.asSecret();
        } else if (object.containsKey("stringData")) {
            args.stringData = Output.ofSecret((Map<String, String>) object.get("stringData"));
        }
        return args;
    }

    /** {@code kubernetes:<group>/<version>:<Kind>}, with group {@code core} for the legacy API group. */
    public static String typeToken(String apiVersion, String kind) {
        String groupVersion = apiVersion.contains("/") ? apiVersion : "core/" + apiVersion;
        return "kubernetes:" + groupVersion + ":" + kind;
    }
}
