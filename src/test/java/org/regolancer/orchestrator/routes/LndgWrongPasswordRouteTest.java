package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * A wrong LNDG_PASS: the login form comes back, the request sent with Basic auth to decide gets LNDg's 401, and
 * errors.log says "check LNDG_USER and LNDG_PASS" once, however many cycles fail; it is not taken for a fallback.
 */
class LndgWrongPasswordRouteTest extends DaemonRouteTestSupport {

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.putAll(QUICK_LNDG_RETRIES);
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.1");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "LNDG_PASS", "not-the-password");
    }

    @Test
    void theLoginHintOnceHoweverManyCyclesFail() throws Exception {
        assertTrue(await(Duration.ofSeconds(20), () -> stats().getFetchFailures() >= 5), "cycles fail");
        assertEquals(0, lndg.login().logins());
        assertEquals(List.of(), regolancer.runs());
        List<String> errors = errorLines();
        assertEquals(1, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(0).endsWith("[lndg] channel fetch failed, cycle skipped: LNDg /api/channels/ answered HTTP 401 "
                + "(Invalid username/password.): LNDg refused the login; check LNDG_USER and LNDG_PASS (LNDg's own user and "
                + "password)"), errors.get(0));
    }
}
