package io.meshfed.verify;

/** The expected fraction of requests served by one (cluster, version), or failing with {@code outcome}. */
public record Share(String cluster, String version, double percent, String outcome) {

    public boolean ok() {
        return outcome == null;
    }
}
