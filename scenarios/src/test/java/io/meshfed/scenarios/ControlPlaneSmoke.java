package io.meshfed.scenarios;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectFile;
import org.junit.platform.suite.api.Suite;

/**
 * The features CI runs on the control-plane backend in {@code mvn verify}: the example stacks
 * {@code local} and {@code smh-workshop} (features/local.feature, features/smh-workshop.feature)
 * (surefire execution {@code acceptance-control-plane}; {@code -Dmeshfed.controlPlaneSuite=AcceptanceTest}
 * runs every feature there). Not named *Test, so the default execution leaves it alone.
 */
@Suite
@IncludeEngines("cucumber")
@SelectFile("../features/local.feature")
@SelectFile("../features/smh-workshop.feature")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.meshfed.scenarios")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME,
        value = "pretty, summary, html:target/cucumber-report-control-plane.html, json:target/cucumber-report-control-plane.json,"
                + " io.meshfed.scenarios.WallTimePlugin:target/acceptance-walltime-control-plane.txt")
@ConfigurationParameter(key = "cucumber.junit-platform.naming-strategy", value = "long")
public class ControlPlaneSmoke {
}
