Feature: the istio judge notices a route to a subset no DestinationRule defines

  Scenario: the workshop's 75/15/10 shift with a misspelt subset
    Given the mesh "stacks/Pulumi.smh-workshop.yaml"
    And the translation renames subset "kind3-v3" to "kind3-v3-typo" in every DestinationRule
    When the mesh is deployed
    Then traffic from "productpage" in "kind2/default" to "reviews" splits
      | cluster | subset | percent |
      | kind3   | v3     | 75      |
      | kind2   | v1     | 15      |
      | kind2   | v2     | 10      |
