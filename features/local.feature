Feature: Two local kind clusters (stacks/Pulumi.local.yaml)

  Background:
    Given the mesh "stacks/Pulumi.local.yaml"
    When the mesh is deployed

  Scenario: sleep in east reaches httpbin in west over mTLS
    Then the certificate chains of "east" and "west" share one root
    And mTLS is STRICT for "httpbin" in "west/httpbin"
    And "sleep" in "east/sleep" reaches "httpbin" in "west/httpbin" over mTLS
    And traffic from "sleep" in "east/sleep" to "httpbin.httpbin.global" goes to "west"

  Scenario: only GET is opened
    Then "sleep" in "east/sleep" may not POST "/post" on "httpbin" in "west/httpbin"
