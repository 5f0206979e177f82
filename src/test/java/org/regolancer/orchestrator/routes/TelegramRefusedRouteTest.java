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
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * Telegram refusing connections: each message is retried a few times with back-off, then given up in one line
 * (not one per message); rebalancing and the ledger go on as if nothing happened.
 */
class TelegramRefusedRouteTest extends DaemonRouteTestSupport {

    private final int closedPort = org.regolancer.orchestrator.fixtures.Listening.freePort();

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("telegram.retry-delay-ms", "50");
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1"), source(2, "S2"), target(12, "T2")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "TELEGRAM_API_URL", "http://127.0.0.1:" + closedPort);
    }

    @Test
    void messagesAreGivenUpInOneLineWhileRebalancingGoesOn() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), () -> stats().getSuccesses() >= 10), "rebalancing goes on");
        assertTrue(await(Duration.ofSeconds(20), () -> errorLines().stream().anyMatch(l -> l.contains("[telegram]"))));
        // three more messages given up (4 attempts each, one message at a time) after the first line
        NotifyBuilder moreGivenUp = new NotifyBuilder(context).fromRoute("notify").whenDone(12).create();
        assertTrue(moreGivenUp.matches(20, TimeUnit.SECONDS), "more messages tried");
        List<String> telegramErrors = errorLines().stream().filter(l -> l.contains("[telegram]")).toList();
        assertEquals(1, telegramErrors.size(), "one line, however many messages: " + telegramErrors);
        assertTrue(telegramErrors.get(0).contains("not sent after 4 attempts"), telegramErrors.get(0));
        assertTrue(telegramErrors.get(0).endsWith("not sent after 4 attempts: connection refused"), telegramErrors.get(0));
        assertTrue(ledgerLines().size() - 1 >= stats().getSuccesses() - 4, "the ledger keeps up");
        assertEquals(errorLines().size(), telegramErrors.size(), "nothing else went wrong: " + errorLines());
    }
}
