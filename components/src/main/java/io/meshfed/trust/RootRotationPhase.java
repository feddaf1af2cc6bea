package io.meshfed.trust;

/**
 * Where a root rotation stands. With {@code rootEpoch = N+1}:
 * <ul>
 *   <li>{@link #NONE}: no rotation in progress, only root N+1 is trusted and signs.</li>
 *   <li>{@link #TRUST_BOTH}: {@code root-cert.pem} carries roots N and N+1; intermediates are
 *       still signed by root N, so every existing chain keeps verifying.</li>
 *   <li>{@link #SWITCHED}: intermediates are signed by root N+1; {@code root-cert.pem} still
 *       carries both roots, so chains issued under root N keep verifying until they expire.</li>
 * </ul>
 */
public enum RootRotationPhase {
    NONE,
    TRUST_BOTH,
    SWITCHED
}
