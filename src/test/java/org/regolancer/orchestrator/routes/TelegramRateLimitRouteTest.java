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
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeTelegram;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/** A 429 is retried after Telegram's retry_after; the message arrives once and the ledger row is not repeated. */
class TelegramRateLimitRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        telegram.thenFail(429, FakeTelegram.tooManyRequests(3));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("RUN_FOREVER", "false");
    }

    @Test
    void retriesAfterRetryAfterAndDeliversOnce() throws Exception {
        Instant start = Instant.now();
        assertTrue(await(Duration.ofMillis(2500), lifecycle::isFinished), "the cycle ends while the message waits");
        assertTrue(telegram.delivered().isEmpty(), "still waiting out retry_after");
        assertTrue(await(Duration.ofSeconds(20), () -> telegram.delivered().size() == 1));
        assertTrue(Duration.between(start, Instant.now()).toMillis() >= 3000, "waited retry_after");
        // the stop sends or keeps whatever still waits to be sent: after it, nothing more can come
        context.stop();
        assertEquals(1, telegram.delivered().size());
        assertEquals(2, telegram.paths().size(), "one refused, one delivered");
        assertEquals(2, ledgerLines().size(), "header and one row");
        assertEquals(List.of(), errorLines());
    }
}
