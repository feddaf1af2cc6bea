package io.meshfed.scenarios;

import io.cucumber.java.AfterAll;
import io.meshfed.scenarios.real.RealBackends;

/** Run-level hooks: real backends' clusters and stack state are torn down when the run ends, passed or failed. */
public final class RunHooks {

    @AfterAll
    public static void tearDownRealBackends() {
        RealBackends.closeAll();
    }
}
