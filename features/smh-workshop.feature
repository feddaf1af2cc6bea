Feature: Service Mesh Hub workshop (stacks/Pulumi.smh-workshop.yaml)

  Background:
    Given the mesh "stacks/Pulumi.smh-workshop.yaml"

  Scenario: one shared root of trust across the clusters
    When the mesh is deployed
    Then the certificate chains of "kind2" and "kind3" share one root
    And the certificate chains of "kind1" and "kind3" share one root

  Scenario: separate roots before federation
    Given each cluster has its own root of trust
    When the mesh is deployed
    Then the certificate chains of "kind2" and "kind3" do not share a root
    And "productpage" in "kind2/default" cannot open mTLS to "reviews" in "kind3/default"

  Scenario: STRICT mTLS everywhere
    When the mesh is deployed
    Then mTLS is STRICT for "reviews" in "kind3/default"
    And mTLS is STRICT for "sleep" in "kind1/sleep"

  Scenario: global deny, then the access policies open productpage -> details/reviews -> ratings
    When the mesh is deployed
    Then "sleep" in "kind1/sleep" is denied by "reviews" in "kind2/default" because "no ALLOW policy matched"
    And "productpage" in "kind2/default" reaches "reviews" in "kind3/default" over mTLS
    And "productpage" in "kind2/default" reaches "details" in "kind2/default" over mTLS
    And "reviews" in "kind2/default" reaches "ratings" in "kind2/default" over mTLS
    And "sleep" in "kind1/sleep" is denied by "ratings" in "kind2/default"
    And "sleep" in "kind1/sleep" may GET "/productpage" on "productpage" in "kind2/default"
    And "sleep" in "kind1/sleep" may not POST "/productpage" on "productpage" in "kind2/default"

  Scenario: the workshop's access policies open the application step by step
    Given only the access policies "productpage-viewer" are applied
    When the mesh is deployed
    Then "sleep" in "kind1/sleep" may GET "/productpage" on "productpage" in "kind2/default"
    And "productpage" in "kind2/default" is denied by "details" in "kind2/default" because "no ALLOW policy matched"
    And "productpage" in "kind2/default" is denied by "reviews" in "kind3/default" because "no ALLOW policy matched"
    When the access policy "productpage" is applied
    Then "productpage" in "kind2/default" reaches "details" in "kind2/default" over mTLS
    And "productpage" in "kind2/default" reaches "reviews" in "kind3/default" over mTLS
    But "reviews" in "kind2/default" is denied by "ratings" in "kind2/default" because "no ALLOW policy matched"
    When the access policy "reviews" is applied
    Then "reviews" in "kind2/default" reaches "ratings" in "kind2/default" over mTLS
    And "reviews" in "kind3/default" reaches "ratings" in "kind3/default" over mTLS

  Scenario: the 75/15/10 shift from kind2
    When the mesh is deployed
    Then traffic from "productpage" in "kind2/default" to "reviews" splits
      | cluster | subset | percent |
      | kind3   | v3     | 75      |
      | kind2   | v1     | 15      |
      | kind2   | v2     | 10      |

  Scenario: failover to kind3 when reviews in kind2 is unhealthy (the workshop's failover lab)
    # The lab replaces the shift by routing reviews to the failover service.
    Given the traffic policy "reviews-shift" is removed
    When the mesh is deployed
    Then traffic from "productpage" in "kind2/default" to "reviews" goes to "kind2"
    When "reviews" in "kind2/default" becomes unhealthy
    Then traffic from "productpage" in "kind2/default" to "reviews" splits
      | cluster | subset | percent |
      | kind3   | v1     | 33.33   |
      | kind3   | v2     | 33.33   |
      | kind3   | v3     | 33.34   |
