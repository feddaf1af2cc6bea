package io.meshfed.scenarios.real;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which policy denied a request, from the destination proxy's log with the {@code rbac} logger at
 * debug level (the sample workloads set {@code sidecar.istio.io/componentLogLevel: rbac:debug}).
 * Envoy's RBAC filter logs {@code enforced denied, matched policy <id>}, where Istio names policies
 * {@code ns[<namespace>]-policy[<name>]-rule[<n>]}, and {@code none} when no ALLOW policy matched.
 */
public final class RbacLog {

    private static final Pattern DENIED = Pattern.compile("enforced denied, matched policy (\\S+)");
    private static final Pattern ISTIO_ID = Pattern.compile("ns\\[([^]]+)]-policy\\[([^]]+)]-rule\\[(\\d+)]");

    private RbacLog() {
    }

    /** The last denial in the log: {@code <namespace>/<policy>} (rule n), or {@code no ALLOW policy matched}. */
    public static Optional<String> lastDenial(String log) {
        Matcher m = DENIED.matcher(log);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            return Optional.empty();
        }
        if (last.equals("none")) {
            return Optional.of("no ALLOW policy matched");
        }
        Matcher id = ISTIO_ID.matcher(last);
        return Optional.of(id.find() ? id.group(1) + "/" + id.group(2) + " (rule " + id.group(3) + ")" : last);
    }
}
