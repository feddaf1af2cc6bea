package io.meshfed.stack;

import java.util.List;
import java.util.Map;

/** One RegisterResource call as the engine saw it. Secret input values appear as {@link Secret}. */
record Registered(String urn, String type, String name, String parent, String provider, List<String> dependencies,
                  Map<String, Object> inputs, boolean custom) {

    record Secret(Object value) {
    }

    /** The provider reference without its id: the provider's URN. */
    String providerUrn() {
        int sep = provider.lastIndexOf("::");
        return provider.isEmpty() ? "" : provider.substring(0, sep);
    }

    boolean isKubernetes() {
        return custom && type.startsWith("kubernetes:");
    }
}
