package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * How the shared root and the per-cluster intermediates are issued (the spec's {@code trust} section).
 * Every field has a default.
 */
public final class TrustSettingsArgs extends ResourceArgs {

    /** {@code EC_P256} (default), {@code EC_P384}, {@code RSA_3072} or {@code RSA_4096}. */
    @Import(name = "keyType")
    @Export(name = "keyType")
    private @Nullable String keyType;

    /** Start of every CA's validity, an ISO-8601 instant (default {@code 2026-01-01T00:00:00Z}); never the clock, so runs are reproducible. */
    @Import(name = "notBefore")
    @Export(name = "notBefore")
    private @Nullable String notBefore;

    /** Validity of a root epoch, a duration such as {@code 87600h} (default). */
    @Import(name = "rootValidity")
    @Export(name = "rootValidity")
    private @Nullable String rootValidity;

    /** Validity of an intermediate epoch (default {@code 17520h}). */
    @Import(name = "intermediateValidity")
    @Export(name = "intermediateValidity")
    private @Nullable String intermediateValidity;

    /** Intermediate epoch, 1 or more (default 1); bump it to re-issue every intermediate. */
    @Import(name = "epoch")
    @Export(name = "epoch")
    private @Nullable Integer epoch;

    /** Root epoch, 1 or more (default 1); bump it, with {@code rootRotation}, to rotate the root. */
    @Import(name = "rootEpoch")
    @Export(name = "rootEpoch")
    private @Nullable Integer rootEpoch;

    /** {@code NONE} (default), {@code TRUST_BOTH} or {@code SWITCHED}. */
    @Import(name = "rootRotation")
    @Export(name = "rootRotation")
    private @Nullable String rootRotation;

    /** The {@code O=} of every CA (default {@code meshfed}). */
    @Import(name = "organization")
    @Export(name = "organization")
    private @Nullable String organization;

    /** {@code generated} (default: derived from the trust seed) or {@code provided} (read from the two files below by the program that installs the trust source; other languages pass {@code providedRoot} to SharedRootTrust instead). */
    @Import(name = "root")
    @Export(name = "root")
    private @Nullable String root;

    /** With {@code root: provided}: the root certificate file. */
    @Import(name = "providedRootCertFile")
    @Export(name = "providedRootCertFile")
    private @Nullable String providedRootCertFile;

    /** With {@code root: provided}: the root key file. */
    @Import(name = "providedRootKeyFile")
    @Export(name = "providedRootKeyFile")
    private @Nullable String providedRootKeyFile;

    public TrustSettingsArgs() {
    }

    public @Nullable String keyType() {
        return keyType;
    }

    public @Nullable String notBefore() {
        return notBefore;
    }

    public @Nullable String rootValidity() {
        return rootValidity;
    }

    public @Nullable String intermediateValidity() {
        return intermediateValidity;
    }

    public @Nullable Integer epoch() {
        return epoch;
    }

    public @Nullable Integer rootEpoch() {
        return rootEpoch;
    }

    public @Nullable String rootRotation() {
        return rootRotation;
    }

    public @Nullable String organization() {
        return organization;
    }

    public @Nullable String root() {
        return root;
    }

    public @Nullable String providedRootCertFile() {
        return providedRootCertFile;
    }

    public @Nullable String providedRootKeyFile() {
        return providedRootKeyFile;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final TrustSettingsArgs value = new TrustSettingsArgs();

        public Builder keyType(String keyType) {
            value.keyType = keyType;
            return this;
        }

        public Builder notBefore(String notBefore) {
            value.notBefore = notBefore;
            return this;
        }

        public Builder rootValidity(String rootValidity) {
            value.rootValidity = rootValidity;
            return this;
        }

        public Builder intermediateValidity(String intermediateValidity) {
            value.intermediateValidity = intermediateValidity;
            return this;
        }

        public Builder epoch(Integer epoch) {
            value.epoch = epoch;
            return this;
        }

        public Builder rootEpoch(Integer rootEpoch) {
            value.rootEpoch = rootEpoch;
            return this;
        }

        public Builder rootRotation(String rootRotation) {
            value.rootRotation = rootRotation;
            return this;
        }

        public Builder organization(String organization) {
            value.organization = organization;
            return this;
        }

        public Builder root(String root) {
            value.root = root;
            return this;
        }

        public Builder providedRootCertFile(String providedRootCertFile) {
            value.providedRootCertFile = providedRootCertFile;
            return this;
        }

        public Builder providedRootKeyFile(String providedRootKeyFile) {
            value.providedRootKeyFile = providedRootKeyFile;
            return this;
        }

        public TrustSettingsArgs build() {
            return value;
        }
    }
}
