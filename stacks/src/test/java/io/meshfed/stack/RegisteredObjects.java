package io.meshfed.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pulumirpc.Resource.RegisterResourceRequest;

/**
 * Every custom resource a stack run registers (Kubernetes objects, Helm releases, providers), in a
 * comparable form: type, the type chain of its URN, its provider's name, inputs (secrets marked),
 * retainOnDelete and additional secret outputs. {@code registered-objects/<stack>.json} holds the
 * form the whole-spec components registered before the typed components replaced them (written by
 * this class from a run of those components, commit "registered-objects baseline", and never since).
 */
final class RegisteredObjects {

    static final Path BASELINE_DIR = StackFixtures.STACKS_DIR.resolve("src/test/resources/registered-objects");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(SerializationFeature.INDENT_OUTPUT);

    private RegisteredObjects() {
    }

    /** Resource name → its comparable form, for every custom resource of the run. */
    static Map<String, Object> of(MockStack.Run run) {
        Map<String, RegisterResourceRequest> requests = new TreeMap<>();
        run.requests().forEach(r -> requests.put(r.getType() + "::" + r.getName(), r));
        Map<String, String> providerNames = new TreeMap<>();
        run.resources().stream().filter(r -> r.type().startsWith("pulumi:providers:")).forEach(r -> providerNames.put(r.urn(), r.name()));
        Map<String, Object> out = new TreeMap<>();
        for (Registered r : run.resources()) {
            if (!r.custom()) {
                continue;
            }
            RegisterResourceRequest request = requests.get(r.type() + "::" + r.name());
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("type", r.type());
            form.put("urnType", r.urn().split("::")[2]);
            form.put("provider", r.provider().isEmpty() ? "" : providerNames.getOrDefault(r.providerUrn(), r.providerUrn()));
            form.put("inputs", jsonForm(r.inputs()));
            form.put("retainOnDelete", request.getRetainOnDelete());
            form.put("additionalSecretOutputs", new ArrayList<>(new java.util.TreeSet<>(request.getAdditionalSecretOutputsList())));
            if (out.put(r.type() + "::" + r.name(), form) != null) {
                throw new AssertionError("registered twice: " + r.type() + "::" + r.name());
            }
        }
        return out;
    }

    /** Plain JSON values; a Pulumi secret becomes {@code {"secret": value}}, numbers doubles. */
    @SuppressWarnings("unchecked")
    static Object jsonForm(Object value) {
        if (value instanceof Registered.Secret s) {
            return Map.of("secret", jsonForm(s.value()));
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, jsonForm(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(RegisteredObjects::jsonForm).toList();
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return value;
    }

    static Map<String, Object> baseline(String stack) {
        try {
            return JSON.readValue(BASELINE_DIR.resolve(stack + ".json").toFile(), TreeMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, Map<String, Object> objects) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(objects) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Normalised through JSON, so that a fresh run compares equal to a file read back. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> normalised(Map<String, Object> objects) {
        return JSON.convertValue(objects, TreeMap.class);
    }
}
