package io.meshfed.scenarios.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests sent with curl from the client container of a sample workload's pod, and the parser of
 * their output. Each request prints its body, then on a line of its own the curl {@code -w} trailer
 * {@code @@meshfed code=%{http_code} time=%{time_total}} and the shell appends {@code exit=<curl exit code>}.
 * Sample workloads are fake-service (nicholasjackson/fake-service) answering JSON whose {@code body}
 * is {@code cluster=<c> version=<v> service=<s>} (see SampleWorkloads).
 */
public final class CurlProbe {

    static final String MARKER = "@@meshfed ";
    /** curl's exit code for "failure when receiving data from the peer" (connection reset). */
    public static final int CONNECTION_RESET = 56;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CurlProbe() {
    }

    /** One request's result: HTTP status (0 when none), total time in seconds, curl's exit code, body. */
    public record Result(int status, double seconds, int exit, String body) {

        public long millis() {
            return Math.round(seconds * 1000);
        }

        /** Envoy's RBAC denial: 403 with body {@code RBAC: access denied}. */
        public boolean rbacDenied() {
            return status == 403 && body.contains("RBAC: access denied");
        }

        /** {@code cluster/version} of the sample workload that answered, or {@code -/<status> <first body line>} on failure. */
        public String servedBy() {
            if (status >= 200 && status < 300) {
                Map<String, String> id = identity(body);
                if (id.containsKey("cluster")) {
                    return id.get("cluster") + "/" + id.getOrDefault("version", "-");
                }
                return "-/" + status + " unidentified answer";
            }
            if (status == 0) {
                return "-/000 curl exit " + exit;
            }
            String first = body.strip().lines().findFirst().orElse("").strip();
            return "-/" + status + (first.isEmpty() ? "" : " " + first);
        }
    }

    /** The shell command (for {@code sh -c}) that sends {@code count} requests. */
    public static String command(String method, String url, Map<String, String> headers, int count, int maxTimeSeconds) {
        StringBuilder curl = new StringBuilder("curl -sS -X ").append(shellQuote(method)).append(" --max-time ").append(maxTimeSeconds);
        new TreeMap<>(headers).forEach((k, v) -> curl.append(" -H ").append(shellQuote(k + ": " + v)));
        curl.append(" -w ").append(shellQuote("\n" + MARKER + "code=%{http_code} time=%{time_total}")).append(' ').append(shellQuote(url));
        return "for i in $(seq 1 " + count + "); do " + curl + "; echo \" exit=$?\"; done";
    }

    public static String shellQuote(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    /** Parses the output of {@link #command}. */
    public static List<Result> parse(String output) {
        List<Result> results = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            int at = line.indexOf(MARKER);
            if (at < 0) {
                body.append(line).append('\n');
                continue;
            }
            body.append(line, 0, at);
            Map<String, String> fields = new TreeMap<>();
            for (String kv : line.substring(at + MARKER.length()).trim().split("\\s+")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    fields.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            results.add(new Result(Integer.parseInt(fields.getOrDefault("code", "0")), Double.parseDouble(fields.getOrDefault("time", "0")),
                    Integer.parseInt(fields.getOrDefault("exit", "0")), body.toString().strip()));
            body.setLength(0);
        }
        return results;
    }

    /** Counts per {@link Result#servedBy()}. */
    public static Map<String, Integer> counts(List<Result> results) {
        Map<String, Integer> counts = new TreeMap<>();
        results.forEach(r -> counts.merge(r.servedBy(), 1, Integer::sum));
        return counts;
    }

    /** {@code cluster}, {@code version}, {@code service} from a fake-service JSON answer (its {@code body} field). */
    static Map<String, String> identity(String json) {
        Map<String, String> id = new TreeMap<>();
        try {
            JsonNode node = JSON.readTree(json);
            String text = node.path("body").asText("");
            for (String kv : text.trim().split("\\s+")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    id.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        } catch (Exception notJson) {
            // not a sample workload's answer
        }
        return id;
    }
}
