package io.meshfed.cli;

import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Translator;
import io.meshfed.trust.MeshTrustSource;
import io.meshfed.trust.TrustSeed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import picocli.CommandLine.Option;

/**
 * The secret seed all key material derives from: {@code --trust-seed-file}, then
 * {@code MESHFED_TRUST_SEED}, then a seed kept in {@code .meshfed/<mesh>.seed}. When there is none,
 * one is generated, stored there (mode 600) and announced once; it is never printed again.
 */
final class SeedOptions {

    @Option(names = "--trust-seed-file", description = "File holding the base64 trust seed.")
    Path seedFile;

    @Option(names = "--state-dir", description = "Where a generated seed is kept (default: ${DEFAULT-VALUE}).", defaultValue = ".meshfed")
    Path stateDirectory;

    MeshTrustSource trust(MeshSpec spec, Path baseDirectory, PrintWriter err) {
        return MeshTrustSource.of(spec, seed(spec, err), baseDirectory);
    }

    /** The spec translated with this seed's trust (a provided root is read relative to the spec file). */
    MeshPlan translate(MeshSpec spec, SpecOptions specOptions, PrintWriter err) {
        return Translator.translate(spec, trust(spec, specOptions.baseDirectory(), err));
    }

    TrustSeed seed(MeshSpec spec, PrintWriter err) {
        try {
            if (seedFile != null) {
                return TrustSeed.fromBase64(Files.readString(seedFile).trim());
            }
            String fromEnv = System.getenv(TrustSeed.ENVIRONMENT_VARIABLE);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return TrustSeed.fromBase64(fromEnv.trim());
            }
            Path kept = stateDirectory.resolve(spec.name() + ".seed");
            if (Files.isRegularFile(kept)) {
                return TrustSeed.fromBase64(Files.readString(kept).trim());
            }
            TrustSeed generated = TrustSeed.generate(new SecureRandom());
            Files.createDirectories(stateDirectory);
            Files.writeString(kept, generated.toBase64() + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file keeps the directory's permissions
            }
            err.println("meshfed: no trust seed was configured for mesh '" + spec.name() + "'; generated one and kept it in " + kept + ".");
            err.println("  Store it as a secret where you deploy:  pulumi config set --secret " + TrustSeed.PULUMI_CONFIG_KEY
                    + " \"$(cat " + kept + ")\"   or export " + TrustSeed.ENVIRONMENT_VARIABLE + ".");
            err.println("  Anyone holding it can derive every CA key of this mesh: keep it out of version control.");
            err.flush();
            return generated;
        } catch (IOException e) {
            throw new UserError("cannot read or keep the trust seed: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError("the trust seed is not valid: " + e.getMessage());
        }
    }
}
