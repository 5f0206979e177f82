package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.cycle.Pause;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeTelegram;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * Paused, the daemon runs nothing and so waits LNDg's refresh (here a minute) between fetches; a /resume ends the
 * wait: runs start again within SLEEP_SECONDS, not a minute later.
 */
class LndgRefreshResumeRouteTest extends DaemonRouteTestSupport {

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("telegram.poll-seconds", "1");
        properties.put("telegram.poll-delay-ms", "50");
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * fail");
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve(Pause.FILE), Instant.now().toString());
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "1", "LNDG_REFRESH_SECONDS", "60", "TELEGRAM_COMMANDS", "true",
                "SEND_REBALANCE_MSG", "false");
    }

    @Test
    void aResumeEndsTheWaitAndRunsStartWithinSleepSeconds() throws Exception {
        assertTrue(await(Duration.ofSeconds(10), () -> stats().getCycles() >= 1), "a paused cycle");
        // the next cycle began after SLEEP_SECONDS and stays in its wait
        assertTrue(await(Duration.ofSeconds(5), () -> inRouteFor("cycle", Duration.ofMillis(500))), "the next cycle waits");
        assertEquals(1, lndg.requests().size(), "paused, nothing ran: the next fetch waits for LNDg's refresh");
        assertEquals(List.of(), regolancer.runs());

        Instant resumed = Instant.now();
        telegram.userSends("/resume", FakeTelegram.CHAT_ID, "channel", null, 0);
        assertTrue(await(Duration.ofSeconds(10), () -> !regolancer.runs().isEmpty()), "a run after /resume");
        long tookMillis = Duration.between(resumed, Instant.now()).toMillis();
        assertTrue(tookMillis < 5_000, "a run " + tookMillis + " ms after /resume (the poll, then at once)");
        assertEquals(2, lndg.requests().size());
    }
}
