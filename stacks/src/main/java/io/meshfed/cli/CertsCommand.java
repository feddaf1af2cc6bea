package io.meshfed.cli;

import io.meshfed.spec.Durations;
import io.meshfed.spec.MeshSpec;
import io.meshfed.trust.MeshTrustSource;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Shows the validity of the root and every intermediate, warning under a threshold. */
@Command(name = "certs", mixinStandardHelpOptions = true, description = "Inspect the mesh's CA certificates and their expiry.")
final class CertsCommand implements Callable<Integer> {

    @Mixin
    SpecOptions specOptions;

    @Mixin
    SeedOptions seedOptions;

    @Option(names = "--warn-below", description = "Warn when a CA expires within this duration (default: ${DEFAULT-VALUE}).", defaultValue = "720h")
    String warnBelow;

    @Option(names = "--at", description = "Evaluate at this instant instead of now (ISO-8601).")
    String at;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        MeshSpec spec = specOptions.load();
        MeshTrustSource trust = seedOptions.trust(spec, specOptions.baseDirectory(), command.commandLine().getErr());
        Instant now = at == null ? Instant.now() : instant(at);
        var threshold = Durations.parse(warnBelow).orElseThrow(() -> new UserError("--warn-below: not a duration: " + warnBelow));
        command.commandLine().getOut().println("root certificate SHA-256: " + trust.rootFingerprintSha256());
        var report = trust.trust().expiry(now, threshold);
        command.commandLine().getOut().print(report.render());
        command.commandLine().getOut().flush();
        return report.hasWarnings() ? 1 : 0;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UserError("--at: '" + text + "' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
