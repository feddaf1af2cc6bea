package io.meshfed.provider;

import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.properties.PropertyValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * pulumi-java 1.36.1 cannot serialise a resource as a component output, so {@code MeshCluster}
 * exports its Kubernetes provider as the reference string {@code urn::id}; this turns that output
 * into the resource reference the schema declares, which other languages receive as a
 * {@code kubernetes.Provider} object.
 */
final class ProviderReferences {

    /** Outputs that carry a provider reference string. */
    static final Set<String> PROVIDER_OUTPUTS = Set.of("kubernetesProvider");
    /** The version of the Kubernetes package the components register with (the Java SDK com.pulumi:kubernetes 4.0.0). */
    static final String KUBERNETES_VERSION = "4.0.0";
    /** The id Pulumi gives a provider whose configuration is unknown at preview. */
    private static final String UNKNOWN_ID = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private ProviderReferences() {
    }

    static ConstructResponse asResourceReferences(ConstructResponse response) {
        Map<String, PropertyValue> state = new LinkedHashMap<>(response.getState());
        for (String output : PROVIDER_OUTPUTS) {
            PropertyValue value = state.get(output);
            if (value != null && value.getType() == PropertyValue.ValueType.STRING) {
                state.put(output, reference(value.getStringValue()));
            }
        }
        return new ConstructResponse(response.getUrn(), state, response.getStateDependencies());
    }

    static PropertyValue reference(String providerReference) {
        int separator = providerReference.lastIndexOf("::");
        String urn = providerReference.substring(0, separator);
        String id = providerReference.substring(separator + 2);
        PropertyValue idValue = id.equals(UNKNOWN_ID) ? PropertyValue.COMPUTED : PropertyValue.of(id);
        return PropertyValue.of(new PropertyValue.ResourceReference(urn, idValue, KUBERNETES_VERSION));
    }
}
