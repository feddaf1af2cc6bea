package io.meshfed.scenarios;

import io.meshfed.scenarios.real.RealBackends;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Backend names and availability: {@code simulated}, {@code istio}, {@code simulated+istio}, {@code control-plane}, {@code k3s}, {@code kind}, {@code kubeconfig}. */
public final class Backends {

    private static final Map<String, String> REASONS = new ConcurrentHashMap<>();

    private Backends() {
    }

    /** Null when the named backend can run here, else one line saying why not (checked once per run). */
    public static String unavailableReason(String name) {
        if (name.equals("simulated")) {
            return null;
        }
        if (name.equals("istio") || name.equals("simulated+istio")) {
            return once(name, () -> prefixed(name, new IstioBackend().unavailableReason()));
        }
        if (name.equals("control-plane")) {
            return once(name, () -> prefixed(name, new io.meshfed.scenarios.controlplane.ControlPlaneBackend().unavailableReason()));
        }
        if (!RealBackends.NAMES.contains(name)) {
            return "unknown backend \"" + name + "\" (MESHFED_BACKEND): use simulated, istio, simulated+istio, control-plane, " + String.join(", ", RealBackends.NAMES);
        }
        return once(name, () -> RealBackends.unavailableReason(name));
    }

    private static String prefixed(String backend, String reason) {
        return reason == null ? null : "backend " + backend + " skipped: " + reason;
    }

    /** The reason computed on the first call for this backend ("" stands for none: the map holds no nulls). */
    private static String once(String name, java.util.function.Supplier<String> reason) {
        String known = REASONS.computeIfAbsent(name, n -> {
            String r = reason.get();
            return r == null ? "" : r;
        });
        return known.isEmpty() ? null : known;
    }

    public static Backend create(String name) {
        return switch (name) {
            case "simulated" -> new SimulatedBackend();
            case "istio" -> new IstioBackend();
            case "simulated+istio" -> new ComparingBackend(new SimulatedBackend(), new IstioBackend());
            case "control-plane" -> new io.meshfed.scenarios.controlplane.ControlPlaneBackend();
            default -> RealBackends.create(name);
        };
    }
}
