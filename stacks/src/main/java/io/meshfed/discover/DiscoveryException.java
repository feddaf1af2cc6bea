package io.meshfed.discover;

/** A cluster that cannot be read; the message names the context and fits on one line. */
public final class DiscoveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DiscoveryException(String context, String reason) {
        super("context '" + context + "': " + reason, null, false, false);
    }
}
