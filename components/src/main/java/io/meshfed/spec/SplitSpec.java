package io.meshfed.spec;

/** A weighted destination: a subset (version) in a cluster; either may be absent (any). */
public record SplitSpec(String cluster, String subset, Integer weight) {
}
