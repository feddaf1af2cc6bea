Feature: East-west gateways serve from their own cluster

  A connection to another cluster's east-west gateway is resolved there, in that cluster's view of
  the global host, which also lists the clusters it imports from. meshfed narrows the gateway's view
  to its own pods, so a request never travels on to a third cluster.

  Background:
    Given the mesh:
      """yaml
      name: three-backings
      clusters:
        - {name: front, network: net-front, locality: {region: eu-west-1}, eastWestGateway: {address: 172.30.0.1}}
        - {name: blue, network: net-blue, locality: {region: eu-west-1}, eastWestGateway: {address: 172.30.0.2}}
        - {name: green, network: net-green, locality: {region: us-east-1}, eastWestGateway: {address: 172.30.0.3}}
      services:
        - {name: web, namespace: shop, cluster: front, ports: [{name: http, number: 8080}], versions: [v1]}
        - {name: catalog, namespace: shop, cluster: blue, ports: [{name: http, number: 8080}], versions: [v1]}
        - {name: catalog, namespace: shop, cluster: green, ports: [{name: http, number: 8080}], versions: [v1, v2]}
      federation:
        exports:
          - {service: catalog, namespace: shop}
      """
    When the mesh is deployed

  Scenario: every request to the global host ends in the cluster whose gateway it reached
    Then traffic from "web" in "front/shop" to "catalog.shop.global" splits
      | cluster | subset | percent |
      | blue    | v1     | 33.33   |
      | green   | v1     | 33.33   |
      | green   | v2     | 33.34   |

  Scenario: without a failover policy a backing cluster's callers spread over every cluster
    # Istio orders endpoints by locality only with outlier detection; each request still ends
    # where it lands.
    Then traffic from "catalog" in "blue/shop" to "catalog.shop.global" splits
      | cluster | subset | percent |
      | blue    | v1     | 33.33   |
      | green   | v1     | 33.33   |
      | green   | v2     | 33.34   |
