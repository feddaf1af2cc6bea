package io.meshfed.verify;

import java.util.Set;
import java.util.TreeSet;

/** Services marked unhealthy (every pod of them in one cluster and namespace answers 5xx). */
public final class Health {

    private final Set<String> unhealthy = new TreeSet<>();

    public void markUnhealthy(String cluster, String namespace, String service) {
        unhealthy.add(cluster + "/" + namespace + "/" + service);
    }

    public boolean healthy(String cluster, String namespace, String service) {
        return !unhealthy.contains(cluster + "/" + namespace + "/" + service);
    }
}
