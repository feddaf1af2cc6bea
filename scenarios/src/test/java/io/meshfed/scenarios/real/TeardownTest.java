package io.meshfed.scenarios.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Teardown runs in reverse, survives failing steps, honours the keep flag, and a failed deployment is still torn down. */
class TeardownTest {

    @Test
    void reverseOrderAndEveryStepEvenAfterAFailure() {
        List<String> ran = new ArrayList<>();
        List<String> log = new ArrayList<>();
        Teardown t = new Teardown(false, log::add);
        t.add("network", () -> ran.add("network"));
        t.add("cluster a", () -> {
            ran.add("cluster a");
            throw new IllegalStateException("docker said no");
        });
        t.add("cluster b", () -> ran.add("cluster b"));
        IllegalStateException e = assertThrows(IllegalStateException.class, t::close);
        assertEquals(List.of("cluster b", "cluster a", "network"), ran);
        assertTrue(e.getMessage().contains("cluster a: docker said no"), e.getMessage());
        t.close();
        assertEquals(3, ran.size(), "a second close does nothing");
    }

    @Test
    void keepFlagKeepsEverythingAndSaysSo() {
        List<String> ran = new ArrayList<>();
        List<String> log = new ArrayList<>();
        Teardown t = new Teardown(true, log::add);
        t.add("k3s container of cluster kind2", () -> ran.add("x"));
        t.close();
        assertTrue(ran.isEmpty());
        assertEquals(List.of("kept (MESHFED_KEEP_CLUSTERS): k3s container of cluster kind2"), log);
    }

    /** A provider creating two clusters; the stack's up fails: the session still destroys the stack, the clusters and its directory. */
    @Test
    void failedDeploymentIsTornDown() throws Exception {
        List<String> ran = new ArrayList<>();
        ClusterProvider provider = new ClusterProvider() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public Map<String, ClusterAccess> provision(List<String> clusters, Path dir, Teardown teardown) {
                Map<String, ClusterAccess> out = new java.util.LinkedHashMap<>();
                for (String c : clusters) {
                    teardown.add("cluster " + c, () -> ran.add("delete " + c));
                    out.put(c, new ClusterAccess(c, dir.resolve(c + ".kubeconfig"), null, null, true));
                }
                return out;
            }
        };
        RealSession session = new RealSession(provider, dir -> new RealSession.StackRunner() {
            @Override
            public Map<String, String> up(String stack, String meshJson, String trustSeed) {
                throw new IllegalStateException("pulumi up failed");
            }

            @Override
            public void destroy() {
                ran.add("destroy stack");
            }
        }, false, line -> { });
        session.clusters(List.of("east", "west"));
        Path dir = session.directory();
        assertTrue(Files.isDirectory(dir));
        assertThrows(IllegalStateException.class, () -> session.deploy("local", "{}", "seed"));
        session.close();
        assertEquals(List.of("destroy stack", "delete west", "delete east"), ran);
        assertFalse(Files.exists(dir), "temporary directory removed");
    }

    @Test
    void adoptedClustersAreNeverRegisteredForDeletion() throws Exception {
        Teardown t = new Teardown(false, line -> { });
        System.setProperty("MESHFED_CONTEXTS", "kind2=kind-kind2, kind3=kind-kind3");
        try {
            var access = new KubeconfigClusters().provision(List.of("kind2", "kind3", "kind1"), Path.of("/tmp"), t);
            assertEquals("kind-kind2", access.get("kind2").context());
            assertEquals("kind1", access.get("kind1").context());
            assertFalse(access.get("kind3").created());
            assertTrue(t.pending().isEmpty(), "nothing to delete: " + t.pending());
        } finally {
            System.clearProperty("MESHFED_CONTEXTS");
        }
        assertThrows(IllegalArgumentException.class, () -> KubeconfigClusters.contexts("kind2"));
    }

    @Test
    void networkPlan() {
        assertEquals("172.18.255.1-172.18.255.14", NetworkPlan.metallbPool("172.18.0.2/16", 0));
        assertEquals("172.18.255.17-172.18.255.30", NetworkPlan.metallbPool("172.18.0.2/16", 1));
        assertEquals("192.168.5.33", NetworkPlan.firstOf(NetworkPlan.metallbPool("192.168.5.9/24", 2)));
        assertEquals(List.of("server", "--disable=traefik", "--tls-san=kind2", "--cluster-cidr=10.11.0.0/16", "--service-cidr=10.111.0.0/16", "--node-name=kind2"),
                K3sClusters.serverArgs("kind2", 1));
    }
}
