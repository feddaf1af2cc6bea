package io.meshfed.verify;

/** Istio host names: short names are completed relative to the namespace of the config or client. */
final class Hosts {

    private Hosts() {
    }

    static String fqdn(String host, String namespace) {
        if (host.startsWith("*")) {
            return host;
        }
        long dots = host.chars().filter(c -> c == '.').count();
        if (dots == 0) {
            return host + "." + namespace + ".svc.cluster.local";
        }
        if (dots == 1) {
            return host + ".svc.cluster.local";
        }
        return host.endsWith(".svc") ? host + ".cluster.local" : host;
    }

    static boolean matches(String pattern, String configNamespace, String host) {
        String p = fqdn(pattern, configNamespace);
        return p.startsWith("*") ? host.endsWith(p.substring(1)) : p.equals(host);
    }

    static boolean exported(java.util.List<String> exportTo, String configNamespace, String clientNamespace) {
        return exportTo == null || exportTo.isEmpty() || exportTo.contains("*")
                || (exportTo.contains(".") && configNamespace.equals(clientNamespace)) || exportTo.contains(clientNamespace);
    }
}
