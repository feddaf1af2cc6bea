package io.meshfed.pulumi.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A root CA you bring instead of one derived from the trust seed: its certificate and private key as
 * PEM. Both may come from other resources; the key should be a Pulumi secret.
 */
public final class ProvidedRootArgs extends ResourceArgs {

    /** The root certificate, PEM. */
    @Import(name = "certificate", required = true)
    @Export(name = "certificate")
    private Output<String> certificate;

    /** The root's private key, PEM (PKCS#8); treat it as a secret. */
    @Import(name = "privateKey", required = true)
    @Export(name = "privateKey")
    private Output<String> privateKey;

    public ProvidedRootArgs() {
    }

    public Output<String> certificate() {
        return certificate;
    }

    public Output<String> privateKey() {
        return privateKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ProvidedRootArgs value = new ProvidedRootArgs();

        public Builder certificate(Output<String> certificate) {
            value.certificate = certificate;
            return this;
        }

        public Builder certificate(String certificate) {
            return certificate(Output.of(certificate));
        }

        public Builder privateKey(Output<String> privateKey) {
            value.privateKey = privateKey;
            return this;
        }

        public Builder privateKey(String privateKey) {
            return privateKey(Output.of(privateKey));
        }

        public ProvidedRootArgs build() {
            Objects.requireNonNull(value.certificate, "ProvidedRootArgs.certificate");
            Objects.requireNonNull(value.privateKey, "ProvidedRootArgs.privateKey");
            return value;
        }
    }
}
