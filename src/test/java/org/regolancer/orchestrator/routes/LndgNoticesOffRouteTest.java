package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * SEND_REBALANCE_MSG_LNDG=true without Telegram (no token): LNDg is never asked for its completed rebalances, nothing is
 * kept for them. (With the setting false, its default, no other route test sees such a read either.)
 */
class LndgNoticesOffRouteTest extends DaemonRouteTestSupport {

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("lndg-notices.period-ms", "100");
        properties.put("books.refresh-ms", "300");
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")))
                .withRebalanceJob(12, "Done", LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).toString(), 100_000, 1.0, 2);
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * fail");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SEND_REBALANCE_MSG_LNDG", "true", "TELEGRAM_TOKEN", "", "SLEEP_SECONDS", "0", "RETRY_WAIT_MINUTES", "0");
    }

    @Test
    void withoutTelegramLndgIsNeverAskedForThem() throws Exception {
        assertTrue(await(Duration.ofSeconds(20), () -> lndg.booksQueries().stream().filter(q -> q.startsWith("rebalancer?")).count() >= 3),
                "LNDg's rebalancer list is read, for the books: " + lndg.booksQueries());
        assertTrue(await(Duration.ofSeconds(20), () -> stats().getCycles() >= 10), "cycles");
        assertEquals(List.of(), lndg.noticesQueries());
        assertFalse(Files.exists(dataDir.resolve("lndg-notices.txt")));
        assertTrue(telegram.paths().isEmpty());
    }
}
