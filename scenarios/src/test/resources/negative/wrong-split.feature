# Deliberately wrong: the smh-workshop shift is 75/15/10, not 60/30/10. NegativeFeatureTest runs this
# and expects it to FAIL with a readable diff. Not part of features/ (never run as acceptance).
Feature: a split the config does not produce

  Scenario: wrong 60/30/10 shift from kind2
    Given the mesh "stacks/Pulumi.smh-workshop.yaml"
    When the mesh is deployed
    Then traffic from "productpage" in "kind2/default" to "reviews" splits
      | cluster | subset | percent |
      | kind3   | v3     | 60      |
      | kind2   | v1     | 30      |
      | kind2   | v2     | 10      |
