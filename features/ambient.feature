Feature: Ambient multicluster (stacks/Pulumi.ambient.yaml)

  Background:
    Given the mesh "stacks/Pulumi.ambient.yaml"
    When the mesh is deployed

  Scenario: shared root and STRICT mTLS
    Then the certificate chains of "cluster1" and "cluster2" share one root
    And mTLS is STRICT for "ratings" in "cluster2/bookinfo-backend"

  Scenario: namespace isolation of bookinfo-backend
    Then "productpage" in "cluster1/bookinfo-frontend" is denied by "reviews" in "cluster2/bookinfo-backend" because "bookinfo-backend/namespace-isolation"
    And "reviews" in "cluster2/bookinfo-backend" reaches "ratings" in "cluster2/bookinfo-backend" over mTLS

  Scenario: 500 ms timeout on reviews against a 2 s delay injected into ratings
    # productpage may not call reviews at all (namespace isolation): the waypoint's RBAC answers 403 before any route
    Then a request from "productpage" in "cluster1/bookinfo-frontend" through "reviews.bookinfo-backend.svc.cluster.local -> ratings" ends with status 403 after 0ms
    And a request from "sleep" in "cluster1/bookinfo-backend" through "reviews.bookinfo-backend.svc.cluster.local -> ratings" ends with status 504 after 500ms
