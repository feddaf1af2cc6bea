package io.meshfed.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.istio.api.networking.v1.ServiceEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names are DNS-1123 and at most 63 characters; VIPs are unique and inside 240.0.0.0/4. */
class NamesAndVipsTest {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    @ParameterizedTest
    @ValueSource(strings = {"local", "smh-workshop", "virtual-destinations", "ambient"})
    void everyObjectHasADnsNameAndParentLabels(String stack) {
        for (ClusterPlan cluster : Examples.plan(stack).clusters()) {
            for (MeshObject o : cluster.objects()) {
                String name = o.name();
                assertTrue(name.length() <= 63 && DNS_LABEL.matcher(name).matches(), o.key());
                Map<String, String> labels = o.object().getMetadata().getLabels();
                assertEquals("meshfed", labels.get(Parent.MANAGED_BY), o.key());
                assertTrue(labels.containsKey(Parent.PARENT_KIND) && labels.containsKey(Parent.PARENT_NAME), o.key());
                labels.values().forEach(v -> assertTrue(v.length() <= 63 && LABEL_VALUE.matcher(v).matches(), o.key() + " label " + v));
            }
        }
    }

    @Test
    void longNamesAreCutWithAStableHashSuffix() {
        String longName = Names.of("a-very-long-service-name-that-keeps-going", "in-a-namespace-with-a-long-name", "cluster-number-one");
        assertEquals(63, longName.length());
        assertTrue(DNS_LABEL.matcher(longName).matches(), longName);
        assertEquals(longName, Names.of("a-very-long-service-name-that-keeps-going", "in-a-namespace-with-a-long-name", "cluster-number-one"));
        assertNotEquals(longName, Names.of("a-very-long-service-name-that-keeps-going", "in-a-namespace-with-a-long-name", "cluster-number-two"));
        assertEquals("reviews-global", Names.of("reviews", "global"));
        assertEquals("under-score-x", Names.of("Under_Score", "X"));
    }

    @Test
    void vipsAreUniqueAndInsideClassE() {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            hosts.add("svc-" + i + ".ns.global");
        }
        Map<String, String> vips = Vips.allocate(hosts);
        assertEquals(hosts.size(), new HashSet<>(vips.values()).size(), "no two hosts share a VIP");
        for (String vip : vips.values()) {
            String[] octets = vip.split("\\.");
            int first = Integer.parseInt(octets[0]);
            assertTrue(first >= 240 && first <= 255, vip);
            assertNotEquals("255.255.255.255", vip);
            assertNotEquals("240.0.0.0", vip);
        }
        List<String> reversed = new ArrayList<>(hosts);
        java.util.Collections.reverse(reversed);
        assertEquals(vips, Vips.allocate(reversed), "allocation does not depend on input order");
    }

    @ParameterizedTest
    @ValueSource(strings = {"smh-workshop", "virtual-destinations", "ambient"})
    void aGlobalHostHasTheSameVipInEveryCluster(String stack) {
        Map<String, String> vipByHost = new java.util.HashMap<>();
        Set<String> vips = new HashSet<>();
        for (ClusterPlan cluster : Examples.plan(stack).clusters()) {
            for (ServiceEntry se : cluster.ofType(ServiceEntry.class)) {
                String host = se.getSpec().getHosts().get(0);
                String vip = se.getSpec().getAddresses().get(0);
                assertEquals(vipByHost.computeIfAbsent(host, h -> vip), vip, host);
                vips.add(vip);
            }
        }
        assertEquals(vipByHost.size(), vips.size(), "distinct hosts have distinct VIPs");
    }
}
