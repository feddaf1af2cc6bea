package io.meshfed.translate;

import java.util.Map;

/** A Helm chart installation (Istio's base, istiod, CNI, ztunnel and gateway charts). */
public record HelmRelease(Stage stage, String name, String namespace, String chart, String repository, String version,
                          Map<String, Object> values) {
}
