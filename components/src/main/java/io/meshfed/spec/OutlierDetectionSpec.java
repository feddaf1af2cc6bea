package io.meshfed.spec;

/** Envoy outlier detection, as in Istio's DestinationRule. */
public record OutlierDetectionSpec(Integer consecutive5xxErrors, String interval, String baseEjectionTime, Integer maxEjectionPercent) {
}
