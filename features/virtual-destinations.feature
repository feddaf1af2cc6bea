Feature: Virtual destinations (stacks/Pulumi.virtual-destinations.yaml)

  Background:
    Given the mesh "stacks/Pulumi.virtual-destinations.yaml"
    When the mesh is deployed

  Scenario: shared root and STRICT mTLS
    Then the certificate chains of "cluster1" and "cluster2" share one root
    And mTLS is STRICT for "reviews" in "cluster2/bookinfo-backends"

  Scenario: everybody else goes to v1 in cluster1
    Then traffic from "productpage" in "cluster1/bookinfo-frontends" to "reviews" splits
      | cluster  | subset | percent |
      | cluster1 | v1     | 100     |

  Scenario: user jason goes to v2 and v3 of the remote cluster
    Then traffic from "productpage" in "cluster1/bookinfo-frontends" to "reviews" with header "end-user" = "jason" splits
      | cluster  | subset | percent |
      | cluster2 | v2     | 50      |
      | cluster2 | v3     | 50      |

  Scenario: the default route fails over to v1 in cluster2 when cluster1 is unhealthy
    # The default route names subset v1 without a cluster, so failover priority picks cluster1 first.
    When "reviews" in "cluster1/bookinfo-backends" becomes unhealthy
    Then traffic from "productpage" in "cluster1/bookinfo-frontends" to "reviews" goes to "cluster2"
    And traffic from "productpage" in "cluster1/bookinfo-frontends" to "reviews" with header "end-user" = "jason" splits
      | cluster  | subset | percent |
      | cluster2 | v2     | 50      |
      | cluster2 | v3     | 50      |

  Scenario: failover by cluster priority on the global host
    Given the mesh:
      """yaml
      name: vd-failover
      clusters:
        - {name: cluster1, network: network1, locality: {region: us-east-1}, eastWestGateway: {address: 172.23.0.5}}
        - {name: cluster2, network: network2, locality: {region: us-west-2}, eastWestGateway: {address: 172.23.0.6}}
      services:
        - {name: productpage, namespace: bookinfo-frontends, cluster: cluster1, ports: [{name: http, number: 9080}], versions: [v1]}
        - {name: reviews, namespace: bookinfo-backends, cluster: cluster1, ports: [{name: http, number: 9080}], versions: [v1]}
        - {name: reviews, namespace: bookinfo-backends, cluster: cluster2, ports: [{name: http, number: 9080}], versions: [v1, v2]}
      federation:
        exports:
          - {service: reviews, namespace: bookinfo-backends}
      failover:
        - name: reviews-failover
          service: {service: reviews, namespace: bookinfo-backends}
          priority: [topology.istio.io/cluster]
          outlierDetection: {consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s, maxEjectionPercent: 100}
      """
    When the mesh is deployed
    Then traffic from "productpage" in "cluster1/bookinfo-frontends" to "reviews.bookinfo-backends.global" goes to "cluster1"
    When "reviews" in "cluster1/bookinfo-backends" becomes unhealthy
    Then traffic from "productpage" in "cluster1/bookinfo-frontends" to "reviews.bookinfo-backends.global" splits
      | cluster  | subset | percent |
      | cluster2 | v1     | 50      |
      | cluster2 | v2     | 50      |
