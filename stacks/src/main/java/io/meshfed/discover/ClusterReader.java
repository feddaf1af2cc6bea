package io.meshfed.discover;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.meshfed.discover.ClusterReport.Istiod;
import java.util.List;

/** Reads one live cluster into a {@link ClusterReport}; failures become one-line {@link DiscoveryException}s. */
public final class ClusterReader {

    private final ClusterClients clients;

    public ClusterReader(ClusterClients clients) {
        this.clients = clients;
    }

    public ClusterReport read(String context) {
        try (KubernetesClient client = clients.connect(context)) {
            IstioReader istio = new IstioReader(client);
            List<Istiod> istiods = istio.istiods();
            return new ClusterReport(context, istiods, istio.trustDomain(istiods), istio.network(istiods),
                    new TrustReader(client).root(), new ServiceReader(client).eastWestGateways(),
                    new ManagedObjects(client).countByMesh(), new CandidateServices(client).list());
        } catch (KubernetesClientException e) {
            throw new DiscoveryException(context, describe(e));
        }
    }

    private static String describe(KubernetesClientException e) {
        if (e.getCode() == 401 || e.getCode() == 403) {
            return "access denied (HTTP " + e.getCode() + "): the credentials cannot list Deployments, Services, Pods, "
                    + "Namespaces, ConfigMaps, Secrets in istio-system and Istio objects";
        }
        if (e.getCode() > 0) {
            return "the API server answered HTTP " + e.getCode() + ": " + firstLine(e.getMessage());
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "cluster unreachable (" + firstLine(root.getClass().getSimpleName() + ": " + root.getMessage()) + ")";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
