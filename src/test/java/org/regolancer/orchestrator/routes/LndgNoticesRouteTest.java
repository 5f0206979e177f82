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
import org.regolancer.orchestrator.fixtures.FakeTelegram;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * SEND_REBALANCE_MSG_LNDG=true: LNDg's own completed rebalances are announced, each once, never the backlog that was
 * there at the start; a job with a lower id completing after a higher one is not missed. Our own payments are not
 * announced (SEND_REBALANCE_MSG_REGO_ORCH=false wins over SEND_REBALANCE_MSG's default true) though they are in the
 * ledger. LNDg failing: one errors.log line, the cycles unharmed, and what completed meanwhile announced after.
 */
class LndgNoticesRouteTest extends DaemonRouteTestSupport {

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("lndg-notices.period-ms", "200");
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")))
                // the backlog: completed ten minutes before the start
                .withRebalanceJob(10, "Backlog", naive(Instant.now().minusSeconds(600)), 80_000, 1.0, 2)
                // scheduled before the start, still in flight
                .withRebalanceJob(11, "Late & <Slow>", null, 50_000, null, 1);
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SEND_REBALANCE_MSG_LNDG", "true", "SEND_REBALANCE_MSG_REGO_ORCH", "false");
    }

    private static String naive(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC).toString();
    }

    private List<String> texts() {
        return telegram.deliveredTo(FakeTelegram.CHAT_ID).stream().map(m -> m.path("text").asText()).toList();
    }

    @Test
    void lndgsCompletedRebalancesAreAnnouncedOnceEachNeverTheBacklog() throws Exception {
        assertTrue(await(Duration.ofSeconds(20), () -> Files.exists(dataDir.resolve("lndg-notices.txt"))),
                "the baseline is read at start and kept");
        assertTrue(Files.readString(dataDir.resolve("lndg-notices.txt")).contains("\n10,"), "the backlog's job is in it");

        assertTrue(await(Duration.ofSeconds(20), () -> ledgerLines().size() >= 2), "a payment of ours is in the ledger");
        // LNDg's notices below go through the one queue after any notice of that payment: had it one, it came first
        lndg.withRebalanceJob(12, "Fast", naive(Instant.now()), 100_000, 12.345, 2);
        assertTrue(await(Duration.ofSeconds(20), () -> texts().size() >= 1), "job 12 announced: " + texts());
        // job 11 (a lower id) completes after 12
        lndg.withRebalanceJob(11, "Late & <Slow>", naive(Instant.now()), 50_000, null, 2);
        assertTrue(await(Duration.ofSeconds(20), () -> texts().size() >= 2), "job 11 announced: " + texts());
        assertEquals("☯️ <b>LNDg rebalanced 100,000 sat</b>\n→ Fast\nfee 12.345 sat · 123 ppm", texts().get(0));
        assertEquals("☯️ <b>LNDg rebalanced 50,000 sat</b>\n→ Late &amp; &lt;Slow&gt;\nfee not reported", texts().get(1));
        assertEquals("HTML", telegram.deliveredTo(FakeTelegram.CHAT_ID).get(0).path("parse_mode").asText());

        int reads = lndg.noticesQueries().size();
        assertTrue(await(Duration.ofSeconds(20), () -> lndg.noticesQueries().size() >= reads + 10), "it reads on");
        assertEquals(2, texts().size(), "each once, the backlog's never: " + texts());
        assertFalse(texts().stream().anyMatch(t -> t.contains("⚖️")), "our payments are not announced: "
                + "SEND_REBALANCE_MSG_REGO_ORCH=false");
        assertEquals(1, lndg.login().logins(), "the notices read on the daemon's one LNDg session");
        assertEquals(0, lndg.login().basicAuthentications());
        String query = lndg.noticesQueries().get(lndg.noticesQueries().size() - 1);
        assertTrue(query.startsWith("rebalancer?limit=100&status=2&stop__gt="), query);

        lndg.withRebalancerFailing(true);
        int failing = lndg.noticesQueries().size();
        assertTrue(await(Duration.ofSeconds(20), () -> lndg.noticesQueries().size() >= failing + 10), "tried again");
        long cycles = stats().getCycles();
        assertTrue(await(Duration.ofSeconds(20), () -> stats().getCycles() >= cycles + 2), "the cycles go on");
        List<String> errors = errorLines().stream().filter(l -> l.contains("[lndg-notices]")).toList();
        assertEquals(1, errors.size(), errorLines().toString());
        assertTrue(errors.get(0).contains("answered HTTP 502 (502 Bad Gateway)"), errors.get(0));

        lndg.withRebalanceJob(13, "During", naive(Instant.now()), 20_000, 0.02, 2);
        lndg.withRebalancerFailing(false);
        assertTrue(await(Duration.ofSeconds(20), () -> texts().size() >= 3), "what completed meanwhile: " + texts());
        assertEquals("☯️ <b>LNDg rebalanced 20,000 sat</b>\n→ During\nfee 0.02 sat · 1 ppm", texts().get(2));
        assertTrue(await(Duration.ofSeconds(10), () -> errorLines().stream().anyMatch(l -> l.contains("[lndg-notices] recovered"))),
                errorLines().toString());
    }
}
