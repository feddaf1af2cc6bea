package io.meshfed.translate;

/** Dependency order inside a cluster: a later stage depends on every earlier one. */
public enum Stage {
    NAMESPACES("10-namespaces"),
    TRUST("20-trust"),
    ISTIO("30-istio"),
    GATEWAYS("40-gateways"),
    FEDERATION("50-federation"),
    POLICIES("60-policies");

    private final String directory;

    Stage(String directory) {
        this.directory = directory;
    }

    /** The directory name used by {@code render}, sortable in stage order. */
    public String directory() {
        return directory;
    }
}
