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
 * Telegram far behind (here: hung, with room for two notices): further notices are dropped with one errors.log
 * line, not silently and not one line each; every payment is still in the ledger and the cycles go on.
 */
class NoticeQueueFullRouteTest extends DaemonRouteTestSupport {

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("notify.queue-size", "2");
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1"), source(2, "S2"), target(12, "T2")));
        telegram.thenStall(60_000);
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0");
    }

    @Test
    void aFullQueueDropsNoticesInOneLineAndLosesNoLedgerRow() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), () -> stats().getSuccesses() >= 12), "cycles go on paying");
        List<String> errors = errorLines();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("[telegram] payment notices dropped: Telegram is 2 messages behind"), errors.get(0));
        assertTrue(ledgerLines().size() - 1 >= 12, "every payment in the ledger");
    }
}
