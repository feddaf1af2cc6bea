package io.meshfed.judge.ambient;

/** A workload API {@code Port}: the service port and the port the workload listens on. */
public record ZPort(int servicePort, int targetPort) {
}
