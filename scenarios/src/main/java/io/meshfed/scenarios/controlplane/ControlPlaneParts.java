package io.meshfed.scenarios.controlplane;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The programs {@code ci/build-control-plane.sh} builds from the Go module proxy, in its
 * {@code ci/control-plane/bin/} (or {@code MESHFED_CONTROL_PLANE_BIN}): the Pulumi CLI and Kubernetes
 * provider, kube-apiserver, etcd, istiod, and Istio's charts taken from Istio's module.
 */
public record ControlPlaneParts(Path bin) {

    public static final String BIN_VARIABLE = "MESHFED_CONTROL_PLANE_BIN";
    private static final List<String> PROGRAMS = List.of("pulumi", "pulumi-resource-kubernetes", "kube-apiserver", "meshfed-etcd", "pilot-discovery");

    /** The configured folder, else {@code ci/control-plane/bin} of the repository this runs in. */
    public static ControlPlaneParts locate() {
        String configured = System.getenv(BIN_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new ControlPlaneParts(Path.of(configured).toAbsolutePath());
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("ci/control-plane"))) {
                return new ControlPlaneParts(d.resolve("ci/control-plane/bin"));
            }
        }
        return new ControlPlaneParts(dir.resolve("ci/control-plane/bin"));
    }

    /** Null when every part is there, else one line naming the missing ones. */
    public String missing() {
        List<String> absent = new ArrayList<>();
        for (String p : PROGRAMS) {
            if (!Files.isExecutable(bin.resolve(p))) {
                absent.add(p);
            }
        }
        if (!Files.isDirectory(charts().resolve("istiod"))) {
            absent.add("charts/");
        }
        return absent.isEmpty() ? null : "control-plane parts not built in " + bin + ": " + String.join(", ", absent)
                + " (run ci/build-control-plane.sh)";
    }

    public Path pulumi() {
        return bin.resolve("pulumi");
    }

    public Path kubeApiserver() {
        return bin.resolve("kube-apiserver");
    }

    public Path etcd() {
        return bin.resolve("meshfed-etcd");
    }

    public Path istiod() {
        return bin.resolve("pilot-discovery");
    }

    /** Istio's charts of the istiod commit, one folder per chart name meshfed renders (base, istiod, gateway, cni, ztunnel). */
    public Path charts() {
        return bin.resolve("charts");
    }
}
