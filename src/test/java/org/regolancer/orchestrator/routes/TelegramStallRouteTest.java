package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/** A Telegram that does not answer: the send times out and is retried; rebalancing goes on meanwhile. */
class TelegramStallRouteTest extends DaemonRouteTestSupport {

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("telegram.timeout-ms", "1000");
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        telegram.thenStall(20_000);
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.2");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "1");
    }

    @Test
    void aStalledSendTimesOutIsRetriedAndNeverHoldsUpTheCycles() throws Exception {
        Instant start = Instant.now();
        assertTrue(await(Duration.ofSeconds(15), () -> !telegram.delivered().isEmpty()), "delivered after the stall");
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 12, "well before the 20 s stall ended");
        assertTrue(stats().getSuccesses() >= 2, "cycles went on paying while Telegram hung: " + stats().getSuccesses());
        assertEquals(List.of(), errorLines(), "a retried timeout is not an error");
    }
}
