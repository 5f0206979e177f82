package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeTelegram;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/** A bad token (401) is not retried; it is one errors.log line without the token; the ledger is untouched. */
class TelegramBadTokenRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        telegram.thenFail(401, FakeTelegram.UNAUTHORIZED);
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("RUN_FOREVER", "false");
    }

    @Test
    void givesUpAtOnceAndLogsOneLineWithoutTheToken() throws Exception {
        assertTrue(await(Duration.ofSeconds(20), () -> errorLines().stream().anyMatch(l -> l.contains("[telegram]"))));
        // the stop sends or keeps whatever still waits to be sent: after it, nothing more can come
        context.stop();
        assertEquals(1, telegram.paths().size(), "no retry of a 401");
        List<String> errors = errorLines();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("401"), errors.get(0));
        assertFalse(errors.get(0).contains(FakeTelegram.TOKEN), errors.get(0));
        assertFalse(errors.get(0).contains(FakeTelegram.TOKEN.substring(FakeTelegram.TOKEN.indexOf(':') + 1)));
        assertEquals(2, ledgerLines().size());
    }

}
