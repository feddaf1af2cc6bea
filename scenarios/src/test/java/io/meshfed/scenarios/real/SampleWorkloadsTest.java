package io.meshfed.scenarios.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The sample workloads match the spec: service accounts, version labels, ports; and their unhealthy variant. */
class SampleWorkloadsTest {

    private static final MeshSpec WORKSHOP = SpecLoader.load(Path.of("../stacks/Pulumi.smh-workshop.yaml"));

    @Test
    void deploymentsCarryTheSpecsServiceAccountVersionAndPort() {
        List<HasMetadata> objects = SampleWorkloads.forCluster(WORKSHOP, "kind3");
        for (var service : WORKSHOP.services()) {
            if (!service.cluster().equals("kind3")) {
                continue;
            }
            for (String version : service.versions().isEmpty() ? List.of("") : service.versions()) {
                Deployment d = objects.stream().filter(o -> o instanceof Deployment).map(o -> (Deployment) o)
                        .filter(o -> o.getMetadata().getNamespace().equals(service.namespace()))
                        .filter(o -> o.getMetadata().getName().equals(service.name() + (version.isEmpty() ? "" : "-" + version))).findFirst().orElseThrow();
                var pod = d.getSpec().getTemplate();
                assertEquals(service.effectiveServiceAccount(), pod.getSpec().getServiceAccountName());
                assertEquals(service.name(), pod.getMetadata().getLabels().get("app"));
                if (!version.isEmpty()) {
                    assertEquals(version, pod.getMetadata().getLabels().get("version"));
                }
                assertEquals(service.ports().get(0).number(), pod.getSpec().getContainers().get(0).getPorts().get(0).getContainerPort());
            }
            Service svc = objects.stream().filter(o -> o instanceof Service && o.getMetadata().getName().equals(service.name())
                    && o.getMetadata().getNamespace().equals(service.namespace())).map(o -> (Service) o).findFirst().orElseThrow();
            assertEquals(service.ports().stream().map(p -> p.name()).toList(), svc.getSpec().getPorts().stream().map(p -> p.getName()).toList());
        }
        assertTrue(objects.stream().noneMatch(o -> o instanceof ServiceAccount && o.getMetadata().getName().equals("default")),
                "the namespace's default ServiceAccount is never labelled as a sample (the adopted-cluster teardown deletes samples by label)");
    }

    @Test
    void unhealthyVariantInjectsErrorsIntoTheAppContainerOnly() {
        List<HasMetadata> objects = SampleWorkloads.forCluster(WORKSHOP, "kind2");
        List<HasMetadata> unhealthy = SampleWorkloads.unhealthy(objects, "default", "reviews");
        assertFalse(unhealthy.isEmpty());
        for (HasMetadata o : unhealthy) {
            Deployment d = (Deployment) o;
            var containers = d.getSpec().getTemplate().getSpec().getContainers();
            Map<String, String> env = containers.stream().filter(c -> c.getName().equals("app")).findFirst().orElseThrow().getEnv().stream()
                    .collect(Collectors.toMap(e -> e.getName(), e -> e.getValue()));
            assertEquals("1", env.get("ERROR_RATE"));
            assertEquals("503", env.get("ERROR_CODE"));
            assertTrue(containers.stream().filter(c -> c.getName().equals("client")).allMatch(c -> c.getEnv() == null || c.getEnv().isEmpty()));
        }
        Deployment original = (Deployment) objects.stream().filter(o -> o.getMetadata().getName().equals(unhealthy.get(0).getMetadata().getName())
                && o instanceof Deployment).findFirst().orElseThrow();
        assertTrue(original.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream().noneMatch(e -> e.getName().equals("ERROR_RATE")),
                "the healthy objects (re-applied by the next deployment) are not modified");
    }
}
