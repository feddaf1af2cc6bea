package io.meshfed.scenarios.real;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.meshfed.spec.MeshSpec;
import io.meshfed.verify.Inventory;
import io.meshfed.verify.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * meshfed's sample workloads for a scenario: for every (cluster, namespace, service, version) of the
 * spec's inventory a Deployment {@code <service>-<version>} of two containers — {@code app}, a
 * fake-service ({@value #APP_IMAGE}) answering JSON whose {@code body} names cluster, version and
 * service, and {@code client} ({@value #CLIENT_IMAGE}, curl and openssl) from which requests leave with
 * the workload's identity — and a Service per (cluster, namespace, service) with the spec's ports.
 * Bookinfo's call graph is kept ({@link #UPSTREAMS}): productpage calls details and reviews, reviews
 * calls ratings, which the chained-request step relies on. Per cluster a probe pod outside the mesh
 * (namespace {@value #PROBE_NAMESPACE}, no injection) checks plaintext and TLS answers.
 */
public final class SampleWorkloads {

    public static final String APP_IMAGE = "nicholasjackson/fake-service:v0.26.2";
    public static final String CLIENT_IMAGE = "nicolaka/netshoot:v0.13";
    public static final String PROBE_NAMESPACE = "meshfed-probe";
    public static final String PROBE_POD = "probe";
    public static final String SAMPLE_LABEL = "meshfed.io/sample";
    /** The field manager of every server-side apply of sample objects (healthy and unhealthy variants). */
    public static final String FIELD_MANAGER = "meshfed-samples";
    public static final Map<String, List<String>> UPSTREAMS = Map.of("productpage", List.of("details", "reviews"), "reviews", List.of("ratings"));

    private SampleWorkloads() {
    }

    public static String deploymentName(Workload w) {
        return w.service() + (w.version() == null ? "" : "-" + w.version());
    }

    /** The objects to apply to one cluster (namespaces are created by the stack; the probe namespace here). */
    public static List<HasMetadata> forCluster(MeshSpec spec, String cluster) {
        Inventory inventory = Inventory.of(spec);
        List<HasMetadata> out = new ArrayList<>();
        out.add(new NamespaceBuilder().withNewMetadata().withName(PROBE_NAMESPACE).addToLabels("istio-injection", "disabled")
                .addToLabels("meshfed.io/sample", "true").endMetadata().build());
        out.add(new PodBuilder().withNewMetadata().withName(PROBE_POD).withNamespace(PROBE_NAMESPACE).addToLabels("meshfed.io/sample", "true")
                .addToAnnotations("sidecar.istio.io/inject", "false").endMetadata()
                .withNewSpec().addNewContainer().withName("client").withImage(CLIENT_IMAGE).withCommand("sleep", "infinity").endContainer().endSpec().build());
        Map<String, Workload> services = new LinkedHashMap<>();
        for (Workload w : inventory.all()) {
            if (!w.cluster().equals(cluster)) {
                continue;
            }
            services.putIfAbsent(w.namespace() + "/" + w.service(), w);
            if (!w.serviceAccount().equals("default")) { // every namespace has it; labelling it would make it ours to delete
                out.add(new ServiceAccountBuilder().withNewMetadata().withName(w.serviceAccount()).withNamespace(w.namespace())
                        .addToLabels("meshfed.io/sample", "true").endMetadata().build());
            }
            out.add(deployment(spec, inventory, w));
        }
        for (Workload w : services.values()) {
            var ports = spec.backings(w.service(), w.namespace()).get(0).ports();
            out.add(new ServiceBuilder().withNewMetadata().withName(w.service()).withNamespace(w.namespace()).addToLabels("app", w.service())
                    .addToLabels("meshfed.io/sample", "true").endMetadata()
                    .withNewSpec().addToSelector("app", w.service()).withPorts(ports.stream().map(p -> new ServicePortBuilder()
                            .withName(p.name()).withPort(p.number()).withTargetPort(new IntOrString(p.number())).build()).toList()).endSpec().build());
        }
        return dedupe(out);
    }

    static HasMetadata deployment(MeshSpec spec, Inventory inventory, Workload w) {
        int port = spec.backings(w.service(), w.namespace()).get(0).ports().get(0).number();
        Map<String, String> labels = new TreeMap<>(Map.of("app", w.service()));
        if (w.version() != null) {
            labels.put("version", w.version());
        }
        List<String> upstreams = new ArrayList<>();
        for (String up : UPSTREAMS.getOrDefault(w.service(), List.of())) {
            List<String> namespaces = inventory.namespacesOf(up);
            if (!namespaces.isEmpty()) {
                String ns = namespaces.contains(w.namespace()) ? w.namespace() : namespaces.get(0);
                int upPort = spec.backings(up, ns).get(0).ports().get(0).number();
                upstreams.add("http://" + up + "." + ns + ".svc.cluster.local:" + upPort);
            }
        }
        return new DeploymentBuilder().withNewMetadata().withName(deploymentName(w)).withNamespace(w.namespace()).withLabels(labels)
                .addToLabels("meshfed.io/sample", "true").endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels)
                .addToAnnotations("sidecar.istio.io/componentLogLevel", "rbac:debug").endMetadata()
                .withNewSpec().withServiceAccountName(w.serviceAccount())
                .addNewContainer().withName("app").withImage(APP_IMAGE)
                .addNewEnv().withName("NAME").withValue(deploymentName(w)).endEnv()
                .addNewEnv().withName("MESSAGE").withValue("cluster=" + w.cluster() + " version=" + (w.version() == null ? "-" : w.version())
                        + " service=" + w.service()).endEnv()
                .addNewEnv().withName("LISTEN_ADDR").withValue("0.0.0.0:" + port).endEnv()
                .addNewEnv().withName("UPSTREAM_URIS").withValue(String.join(",", upstreams)).endEnv()
                .addNewPort().withContainerPort(port).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/health").withPort(new IntOrString(port)).endHttpGet().endReadinessProbe()
                .endContainer()
                .addNewContainer().withName("client").withImage(CLIENT_IMAGE).withCommand("sleep", "infinity").endContainer()
                .endSpec().endTemplate().endSpec().build();
    }

    /** Server-side apply of sample objects under {@link #FIELD_MANAGER}. */
    public static void apply(io.fabric8.kubernetes.client.KubernetesClient k, List<HasMetadata> objects) {
        for (HasMetadata o : objects) {
            k.resource(o).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        }
    }

    /**
     * The sample Deployments of {@code service} in {@code namespace} among {@code objects}, with the
     * error injection of {@link #unhealthyEnv()} in their {@code app} container.
     */
    public static List<HasMetadata> unhealthy(List<HasMetadata> objects, String namespace, String service) {
        List<HasMetadata> out = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (o instanceof io.fabric8.kubernetes.api.model.apps.Deployment d && namespace.equals(d.getMetadata().getNamespace())
                    && service.equals(d.getMetadata().getLabels().get("app"))) {
                var copy = new DeploymentBuilder(d).build();
                var app = copy.getSpec().getTemplate().getSpec().getContainers().stream().filter(c -> c.getName().equals("app")).findFirst().orElseThrow();
                unhealthyEnv().forEach((key, value) -> {
                    app.getEnv().removeIf(e -> e.getName().equals(key));
                    app.getEnv().add(new io.fabric8.kubernetes.api.model.EnvVar(key, value, null));
                });
                out.add(copy);
            }
        }
        return out;
    }

    /** Deletes every sample object from a cluster this run did not create (the namespaces are the stack's). */
    public static void delete(ClusterAccess access) {
        try (ClusterClients c = new ClusterClients()) {
            var k = c.client(access);
            k.apps().deployments().inAnyNamespace().withLabel(SAMPLE_LABEL, "true").delete();
            k.services().inAnyNamespace().withLabel(SAMPLE_LABEL, "true").delete();
            k.serviceAccounts().inAnyNamespace().withLabel(SAMPLE_LABEL, "true").delete();
            k.namespaces().withName(PROBE_NAMESPACE).delete();
        }
    }

    /** Environment that makes every request to the workload fail with 503 (fake-service's error injection). */
    public static Map<String, String> unhealthyEnv() {
        return Map.of("ERROR_RATE", "1", "ERROR_CODE", "503", "ERROR_TYPE", "http_error");
    }

    private static List<HasMetadata> dedupe(List<HasMetadata> objects) {
        Map<String, HasMetadata> byKey = new LinkedHashMap<>();
        objects.forEach(o -> byKey.putIfAbsent(o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName(), o));
        return List.copyOf(byKey.values());
    }

    /** Whether {@code next} is called by {@code service} in the sample call graph. */
    public static boolean calls(String service, String next) {
        return UPSTREAMS.getOrDefault(service, List.of()).contains(next);
    }
}
