package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * Cycle after cycle asks LNDg with one login's session and never makes it hash the password (a day of cycles is the
 * same, longer: nothing in the session depends on time but LNDg ending it); LNDg forgetting its sessions (expired,
 * restarted with a new secret, deleted) costs one more login and no failed cycle, no errors.log line.
 */
class LndgSessionRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        // a balanced node: cycles are fetches only, hundreds a second
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * fail");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "LNDG_REFRESH_SECONDS", "0");
    }

    @Test
    void oneLoginForManyCyclesAndOneMoreWhenLndgForgetsItsSessions() throws Exception {
        assertTrue(await(Duration.ofSeconds(60), () -> stats().getCycles() >= 150), "150 cycles: " + stats().getCycles());
        assertEquals(1, lndg.login().logins());
        assertEquals(0, lndg.login().basicAuthentications(), "LNDg never hashed the password but for the login");
        assertEquals(1, lndg.login().loginPosts());

        lndg.login().forgetSessions();
        long cycles = stats().getCycles();
        assertTrue(await(Duration.ofSeconds(60), () -> stats().getCycles() >= cycles + 50));
        assertEquals(2, lndg.login().logins(), "one more login");
        assertEquals(0, lndg.login().basicAuthentications());
        assertEquals(0, stats().getFetchFailures(), "no cycle failed");
        assertEquals(List.of(), errorLines());
        assertTrue(lndg.requests().stream().allMatch(r -> r.authorization() == null));
    }
}
