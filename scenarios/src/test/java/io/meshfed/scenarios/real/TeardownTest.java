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

    private static ClusterProvider provider(List<String> ran, boolean failingDelete) {
        return new ClusterProvider() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public Map<String, ClusterAccess> provision(List<String> clusters, Path dir, Teardown teardown) {
                Map<String, ClusterAccess> out = new java.util.LinkedHashMap<>();
                for (String c : clusters) {
                    teardown.add("cluster " + c, () -> {
                        ran.add("delete " + c);
                        if (failingDelete) {
                            throw new IllegalStateException("docker said no");
                        }
                    });
                    out.put(c, new ClusterAccess(c, dir.resolve(c + ".kubeconfig"), null, null, true));
                }
                return out;
            }
        };
    }

    private static RealSession.StackRunner recordingStack(List<String> ran) {
        return new RealSession.StackRunner() {
            @Override
            public Map<String, String> up(String stack, String meshJson, String trustSeed) {
                ran.add("up " + stack);
                return Map.of();
            }

            @Override
            public void destroy() {
                ran.add("destroy stack");
            }
        };
    }

    /** ambient and virtual-destinations both name cluster1 and cluster2: the second stack must not be installed over the first. */
    @Test
    void anotherStackOnTheSameClustersDestroysThePreviousOneFirst() throws Exception {
        List<String> ran = new ArrayList<>();
        RealSession session = new RealSession(provider(ran, false), dir -> recordingStack(ran), false, line -> { });
        session.clusters(List.of("cluster1", "cluster2"));
        session.deploy("ambient", "{}", "seed");
        session.deploy("ambient", "{}", "seed");
        session.clusters(List.of("cluster1", "cluster2"));
        session.deploy("virtual-destinations", "{}", "seed");
        assertEquals(List.of("up ambient", "up ambient", "destroy stack", "up virtual-destinations"), ran);
        session.close();
    }

    /** Extra teardown steps (sample workloads of adopted clusters) run once each, before the stack is destroyed. */
    @Test
    void extraTeardownStepsRunOnceBeforeTheStackIsDestroyed() throws Exception {
        List<String> ran = new ArrayList<>();
        RealSession session = new RealSession(provider(ran, false), dir -> recordingStack(ran), false, line -> { });
        session.clusters(List.of("east"));
        session.deploy("local", "{}", "seed");
        session.onTeardown("samples in east", () -> ran.add("delete samples"));
        session.onTeardown("samples in east", () -> ran.add("delete samples"));
        session.close();
        assertEquals(List.of("up local", "delete samples", "destroy stack", "delete east"), ran);
    }

    /** A failed teardown of the previous clusters is logged; it does not fail the next scenario's deployment. */
    @Test
    void switchingClustersSurvivesAFailedTeardown() throws Exception {
        List<String> ran = new ArrayList<>();
        List<String> log = new ArrayList<>();
        RealSession session = new RealSession(provider(ran, true), dir -> recordingStack(ran), false, log::add);
        session.clusters(List.of("east", "west"));
        var next = session.clusters(List.of("kind1"));
        assertEquals(List.of("kind1"), List.copyOf(next.keySet()));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("teardown of the previous clusters was incomplete")), log.toString());
        assertEquals(List.of("delete west", "delete east"), ran);
        assertThrows(IllegalStateException.class, session::close);
    }

    /** Testcontainers removes non-reusable containers at JVM exit, so keeping clusters without reuse enabled fails fast with the fix. */
    @Test
    void keepingContainersNeedsTestcontainersReuse() {
        Prerequisites.requireReuseForKeep(new Teardown(false, line -> { }));
        org.junit.jupiter.api.Assumptions.assumeFalse(org.testcontainers.utility.TestcontainersConfiguration.getInstance().environmentSupportsReuse());
        var e = assertThrows(IllegalStateException.class, () -> Prerequisites.requireReuseForKeep(new Teardown(true, line -> { })));
        assertTrue(e.getMessage().contains("TESTCONTAINERS_REUSE_ENABLE=true"), e.getMessage());
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
        assertEquals("172.18.255.240-172.18.255.253", NetworkPlan.metallbPool("172.18.0.2/16", 0));
        assertEquals("172.18.255.224-172.18.255.237", NetworkPlan.metallbPool("172.18.0.2/16", 1));
        assertEquals("192.168.5.208", NetworkPlan.firstOf(NetworkPlan.metallbPool("192.168.5.9/24", 2)));
        assertEquals(List.of("server", "--disable=traefik", "--tls-san=kind2", "--tls-san=localhost", "--cluster-cidr=10.11.0.0/16",
                "--service-cidr=10.111.0.0/16", "--cluster-dns=10.111.0.10", "--node-name=kind2"), K3sClusters.serverArgs("kind2", "localhost", 1));
        assertEquals(List.of("server", "--disable=traefik", "--tls-san=kind2", "--tls-san=docker", "--cluster-cidr=10.10.0.0/16",
                "--service-cidr=10.110.0.0/16", "--cluster-dns=10.110.0.10", "--node-name=kind2"), K3sClusters.serverArgs("kind2", "docker", 0));
    }

    /** On a /24 Docker network (gateway .1, containers from .2 up) no pool may touch the gateway, the low addresses or the broadcast address. */
    @Test
    void metallbPoolsStayClearOfDockerAddressesOnASlash24() {
        java.util.Set<Long> taken = new java.util.HashSet<>();
        for (int i = 0; i < NetworkPlan.MAX_CLUSTERS; i++) {
            String[] range = NetworkPlan.metallbPool("10.0.7.1/24", i).split("-");
            long first = NetworkPlan.toLong(range[0]);
            long last = NetworkPlan.toLong(range[1]);
            assertTrue(first >= NetworkPlan.toLong("10.0.7.128") && last <= NetworkPlan.toLong("10.0.7.254"), range[0] + "-" + range[1]);
            for (long a = first; a <= last; a++) {
                assertTrue(taken.add(a), "pools overlap at " + NetworkPlan.toIp(a));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> NetworkPlan.metallbPool("10.0.7.1/24", NetworkPlan.MAX_CLUSTERS));
    }
}
