package io.meshfed.judge.ambient;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the protojson form of the workload API (field names in lowerCamelCase, bytes in base64,
 * enums by name, defaults left out) into the records of this package.
 */
final class ZtunnelJson {

    private ZtunnelJson() {
    }

    static ZWorkload workload(JsonNode w) {
        Map<String, List<ZPort>> services = new LinkedHashMap<>();
        w.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), ports(e.getValue().path("ports"))));
        return new ZWorkload(w.path("uid").asText(), w.path("name").asText(), w.path("namespace").asText(),
                list(w.path("addresses"), a -> ip(a.asText())), text(w, "hostname"), w.path("network").asText(""),
                "HBONE".equals(w.path("tunnelProtocol").asText()), text(w, "trustDomain"), text(w, "serviceAccount"),
                gateway(w.path("waypoint")), gateway(w.path("networkGateway")), services,
                list(w.path("authorizationPolicies"), JsonNode::asText), !"UNHEALTHY".equals(w.path("status").asText()),
                w.path("clusterId").asText(""), w.has("capacity") ? w.path("capacity").asInt() : 1,
                new ZWorkload.Locality(w.path("locality").path("region").asText(""), w.path("locality").path("zone").asText(""),
                        w.path("locality").path("subzone").asText("")), w.path("node").asText(""));
    }

    static ZService service(JsonNode s) {
        return new ZService(s.path("name").asText(), s.path("namespace").asText(), s.path("hostname").asText(),
                list(s.path("addresses"), a -> new ZService.Vip(a.path("network").asText(""), ip(a.path("address").asText()))),
                ports(s.path("ports")), list(s.path("subjectAltNames"), JsonNode::asText), gateway(s.path("waypoint")),
                loadBalancing(s.path("loadBalancing")));
    }

    static ZAuthorization authorization(JsonNode a) {
        List<List<List<ZMatch>>> groups = list(a.path("groups"), g -> list(g.path("rules"), r -> list(r.path("matches"), ZtunnelJson::match)));
        return new ZAuthorization(a.path("name").asText(), a.path("namespace").asText(),
                ZAuthorization.Scope.valueOf(a.path("scope").asText("GLOBAL")), ZAuthorization.Action.valueOf(a.path("action").asText("ALLOW")),
                groups, a.path("dryRun").asBoolean(false));
    }

    private static ZLoadBalancing loadBalancing(JsonNode lb) {
        if (lb.isMissingNode() || lb.isNull()) {
            return null;
        }
        return new ZLoadBalancing(list(lb.path("routingPreference"), JsonNode::asText), lb.path("mode").asText(""),
                "ALLOW_ALL".equals(lb.path("healthPolicy").asText()));
    }

    private static ZMatch match(JsonNode m) {
        return new ZMatch(strings(m.path("namespaces")), strings(m.path("notNamespaces")), accounts(m.path("serviceAccounts")),
                accounts(m.path("notServiceAccounts")), strings(m.path("principals")), strings(m.path("notPrincipals")),
                cidrs(m.path("sourceIps")), cidrs(m.path("notSourceIps")), cidrs(m.path("destinationIps")),
                cidrs(m.path("notDestinationIps")), list(m.path("destinationPorts"), JsonNode::asInt),
                list(m.path("notDestinationPorts"), JsonNode::asInt));
    }

    private static List<ZMatch.StringMatch> strings(JsonNode n) {
        return list(n, s -> {
            for (String kind : List.of("exact", "prefix", "suffix", "presence")) {
                if (s.has(kind)) {
                    return new ZMatch.StringMatch(kind, kind.equals("presence") ? "" : s.path(kind).asText());
                }
            }
            throw new IllegalArgumentException("string match without a match type: " + s);
        });
    }

    private static List<ZMatch.ServiceAccount> accounts(JsonNode n) {
        return list(n, s -> new ZMatch.ServiceAccount(s.path("namespace").asText(), s.path("serviceAccount").asText()));
    }

    private static List<ZMatch.Cidr> cidrs(JsonNode n) {
        return list(n, c -> {
            String ip = ip(c.path("address").asText());
            return new ZMatch.Cidr(ip, c.has("length") ? c.path("length").asInt() : (ip.contains(":") ? 128 : 32));
        });
    }

    private static List<ZPort> ports(JsonNode n) {
        return list(n, p -> new ZPort(p.path("servicePort").asInt(), p.path("targetPort").asInt()));
    }

    static ZGateway gateway(JsonNode g) {
        if (g.isMissingNode() || g.isNull()) {
            return null;
        }
        int port = g.path("hboneMtlsPort").asInt();
        if (g.has("hostname")) {
            return new ZGateway(g.path("hostname").path("namespace").asText(), g.path("hostname").path("hostname").asText(), null, null, port);
        }
        JsonNode a = g.path("address");
        return new ZGateway(null, null, a.path("network").asText(""), a.has("address") ? ip(a.path("address").asText()) : null, port);
    }

    private static String text(JsonNode n, String field) {
        return n.has(field) ? n.path(field).asText() : null;
    }

    /** An address from its protojson bytes (base64). */
    static String ip(String base64) {
        try {
            return InetAddress.getByAddress(Base64.getDecoder().decode(base64)).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + base64, e);
        }
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        array.forEach(e -> out.add(item.apply(e)));
        return out;
    }
}
