package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.Listening;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/** A daemon waiting out a long pause before asking a failed LNDg again stops at once, not at the pause's end. */
class LndgPauseShutdownRouteTest extends DaemonRouteTestSupport {

    private int closedPort;

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("lndg.retry-pause-first-ms", "60000");
        properties.put("lndg.retry-pause-max-ms", "60000");
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        closedPort = Listening.freePort();
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("LNDG_BASE_URL", "http://127.0.0.1:" + closedPort, "SLEEP_SECONDS", "0");
    }

    @Test
    void stopsDuringTheMinuteItLeavesLndgAlone() throws Exception {
        assertTrue(await(Duration.ofSeconds(10), () -> stats().getFetchFailures() == 1));
        assertTrue(await(Duration.ofSeconds(5), () -> inRouteFor("cycle", Duration.ofMillis(500))), "a cycle in the pause");
        var stats = stats();
        Instant start = Instant.now();
        context.stop();
        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "stopped in " + took);
        assertEquals(1, stats.getFetchFailures(), "LNDg was not asked again during the pause");
    }
}
