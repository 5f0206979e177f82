package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeTelegram;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * A restart keeps the baseline: an earlier daemon on this DATA_DIR last read LNDg twenty minutes ago and had seen job 10.
 * Job 11 completed while the daemon was down: it is announced after the start; job 10 is not, again.
 */
class LndgNoticesRestartRouteTest extends DaemonRouteTestSupport {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("lndg-notices.period-ms", "200");
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("lndg-notices.txt"), "# kept by the daemon before the restart\nread="
                + now.minus(Duration.ofMinutes(20)) + "\n10," + now.minus(Duration.ofMinutes(25)) + "\n");
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")))
                .withRebalanceJob(10, "Seen", naive(now.minus(Duration.ofMinutes(25))), 80_000, 1.0, 2)
                .withRebalanceJob(11, "WhileDown", naive(now.minus(Duration.ofMinutes(10))), 60_000, 6.0, 2);
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * fail");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SEND_REBALANCE_MSG_LNDG", "true");
    }

    private static String naive(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC).toString();
    }

    private List<String> texts() {
        return telegram.deliveredTo(FakeTelegram.CHAT_ID).stream().map(m -> m.path("text").asText()).toList();
    }

    @Test
    void whatCompletedWhileTheDaemonWasDownIsAnnouncedWhatWasSeenBeforeIsNot() throws Exception {
        assertTrue(await(Duration.ofSeconds(20), () -> texts().size() >= 1), "job 11 announced: " + texts());
        assertEquals("☯️ <b>LNDg rebalanced 60,000 sat</b>\n→ WhileDown\nfee 6 sat · 100 ppm", texts().get(0));
        int reads = lndg.noticesQueries().size();
        assertTrue(await(Duration.ofSeconds(20), () -> lndg.noticesQueries().size() >= reads + 10), "it reads on");
        assertEquals(1, texts().size(), "job 10 was seen before the restart: " + texts());
        String first = lndg.noticesQueries().get(0);
        assertTrue(first.endsWith("stop__gt=" + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
                .format(LocalDateTime.ofInstant(now.minus(Duration.ofMinutes(80)), ZoneOffset.UTC))),
                "the first read goes back an hour before the last kept one: " + first);
        String kept = Files.readString(dataDir.resolve("lndg-notices.txt"));
        assertTrue(kept.contains("\n10,") && kept.contains("\n11,"), kept);
    }
}
