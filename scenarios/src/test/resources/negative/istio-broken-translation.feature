Feature: the istio judge notices a broken translation

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

  Scenario: without the east-west gateways' DestinationRules a gateway forwards to a third cluster
    Given the translation leaves out the DestinationRules in namespace "istio-gateways"
    When the mesh is deployed
    Then traffic from "web" in "front/shop" to "catalog.shop.global" splits
      | cluster | subset | percent |
      | blue    | v1     | 33.33   |
      | green   | v1     | 33.33   |
      | green   | v2     | 33.34   |
