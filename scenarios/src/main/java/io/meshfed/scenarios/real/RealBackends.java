package io.meshfed.scenarios.real;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The real backends by name, their prerequisites, and one session per backend for the whole run. */
public final class RealBackends {

    public static final List<String> NAMES = List.of("k3s", "kind", "kubeconfig");
    private static final Map<String, RealSession> SESSIONS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RealBackends::closeAll, "meshfed-teardown"));
    }

    private RealBackends() {
    }

    /** Null when the backend can run here; else one line naming what is missing. */
    public static String unavailableReason(String name) {
        String missing = name.equals("kubeconfig") ? null : Prerequisites.dockerMissing();
        if (missing == null) {
            missing = Prerequisites.pulumiMissing();
        }
        if (missing == null) {
            missing = Prerequisites.passphraseMissing();
        }
        if (missing == null) {
            missing = Prerequisites.stackJarMissing();
        }
        return missing == null ? null : "backend " + name + " skipped: " + missing;
    }

    static ClusterProvider provider(String name) {
        return switch (name) {
            case "k3s" -> new K3sClusters();
            case "kind" -> new KindClusters();
            case "kubeconfig" -> new KubeconfigClusters();
            default -> throw new IllegalArgumentException("unknown real backend " + name);
        };
    }

    public static RealBackend create(String name) {
        RealSession session = SESSIONS.computeIfAbsent(name, n -> new RealSession(provider(n), dir -> {
            PulumiDeployer deployer = new PulumiDeployer(dir, Prerequisites.stackJar(),
                    Map.of(PulumiDeployer.PASSPHRASE, System.getenv(PulumiDeployer.PASSPHRASE)));
            return new RealSession.StackRunner() {
                @Override
                public Map<String, String> up(String stack, String meshJson, String trustSeed) {
                    return deployer.up(stack, meshJson, trustSeed);
                }

                @Override
                public void destroy() throws Exception {
                    deployer.destroy();
                }
            };
        }, Teardown.keepRequested(), line -> System.err.println("[meshfed " + n + "] " + line)));
        return new RealBackend(name, session);
    }

    /** Tears down every session (Cucumber {@code @AfterAll} and the shutdown hook call this). */
    public static void closeAll() {
        for (RealSession s : SESSIONS.values()) {
            try {
                s.close();
            } catch (RuntimeException e) {
                System.err.println("[meshfed] " + e.getMessage());
            }
        }
    }
}
