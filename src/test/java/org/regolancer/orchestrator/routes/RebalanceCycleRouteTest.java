package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.FakeTelegram;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * One whole cycle: 3 sources × 3 targets, 3 workers, every run pays. A target paid into is not run again in the
 * cycle (its balance changed; the next cycle's data decides), so 3 runs pay, one into each target, and 6 pairs wait.
 */
class RebalanceCycleRouteTest extends DaemonRouteTestSupport {

    private static final String TRICKY_ALIAS = "Bob <&> \"Shop\" 🦀";

    @Override
    protected void arrange() throws IOException {
        lndg.withPageSize(2).withChannels(List.of(
                source(1, "SourceOne"), source(2, "SourceTwo"), source(3, "SourceThree"),
                target(11, "SinkOne"), target(12, TRICKY_ALIAS), target(13, "SinkThree")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.6");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("MAX_WORKERS", "3", "RUN_FOREVER", "false");
    }

    @Test
    void paysEachTargetOnceWithAtMostMaxWorkersAtOnceAndNoChannelTwice() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), lifecycle::isFinished), "the single cycle ends");
        assertEquals(0, lifecycle.exitCode());

        List<StandinRegolancer.Run> runs = regolancer.runs();
        assertEquals(3, runs.size(), "one run into each target: the first pays, the target's other pairs are dropped");
        assertEquals(Set.of(chanId(11), chanId(12), chanId(13)), runs.stream().map(StandinRegolancer.Run::to)
                .collect(Collectors.toSet()), "each target once");
        Set<String> sources = Set.of(chanId(1), chanId(2), chanId(3));
        assertTrue(runs.stream().allMatch(r -> sources.contains(r.from())), runs.toString());
        assertEquals(3, StandinRegolancer.peakParallelism(runs), "peak parallelism is MAX_WORKERS");
        assertEquals(List.of(), StandinRegolancer.channelOverlaps(runs));
        assertTrue(runs.stream().allMatch(r -> r.amount() == 19532), "cycle 0 uses AMOUNT_INITIAL");
        assertEquals(6, stats().getPairsSkippedTargetPaid(), "the 6 other pairs into a paid target");
    }

    @Test
    void followsLndgPagesAgainstTheConfiguredUrlWithTheLoginSessionAndNoPasswordPerRequest() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), lifecycle::isFinished));
        List<FakeLndg.Request> requests = lndg.requests();
        assertEquals(3, requests.size(), "6 channels in pages of 2");
        assertTrue(requests.get(0).query().contains("is_open=true") && requests.get(0).query().contains("is_active=true"));
        assertTrue(requests.get(1).query().contains("offset=2"), requests.get(1).query());
        assertTrue(requests.get(2).query().contains("offset=4"), requests.get(2).query());
        // was: Basic auth on every request (LNDg hashed the password for each); now one login and its session
        assertTrue(requests.stream().allMatch(r -> r.authorization() == null), "no Authorization header");
        assertTrue(requests.stream().allMatch(r -> r.cookie() != null && r.cookie().startsWith("sessionid=")),
                "the session cookie alone: " + requests);
        assertEquals(1, lndg.login().logins(), "one login for the channels, the settings and the books");
        assertEquals(0, lndg.login().basicAuthentications());
        assertEquals(2, lndg.booksQueries().size(), "the books' forwards and jobs: " + lndg.booksQueries());
        assertEquals(3 + 5 + 2, lndg.login().sessionRequests(), "3 channel pages, 5 of LNDg's 10 settings, the books' 2");
    }

    @Test
    void writesOneLedgerRowPerPaymentUnderOneHeader() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), lifecycle::isFinished));
        List<String> ledger = ledgerLines();
        assertEquals("time_utc,source_chan_id,source_alias,target_chan_id,target_alias,amount_sat,fee_msat,fee_ppm",
                ledger.get(0));
        assertEquals(4, ledger.size(), "header and 3 payments");
        assertEquals(1, ledger.stream().filter(l -> l.startsWith("time_utc")).count());
        String tricky = ledger.stream().filter(l -> l.contains("," + chanId(12) + ",")).findFirst().orElseThrow();
        // the stand-in's 900 ppm, lowered to the run's cap: econ_ratio_max_ppm, LNDg's AR-MaxFeeRate 500
        assertTrue(tricky.endsWith(",\"Bob <&> \"\"Shop\"\" 🦀\",19532,9766,500"), tricky);
        assertEquals(3, stats().getSuccesses());
        assertEquals(3 * 19532, stats().getSatsMoved());

        // the same counters over JMX, in our own domain
        javax.management.MBeanServer jmx = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        javax.management.ObjectName name = new javax.management.ObjectName("org.regolancer.orchestrator:type=Stats,name=cycles");
        assertEquals(3L, jmx.getAttribute(name, "Successes"));
        assertEquals(3L, jmx.getAttribute(name, "RunsSucceeded"));
        assertEquals(3L * 19532, jmx.getAttribute(name, "SatsMoved"));
        assertEquals(6L, jmx.getAttribute(name, "PairsSkippedTargetPaid"));
        assertEquals(0, jmx.getAttribute(name, "PairsWaiting"), "payers do not wait");
        assertEquals(1L, jmx.getAttribute(name, "Cycles"));
        assertTrue(((String) jmx.getAttribute(name, "LastSuccessTime")).startsWith("20"));
    }

    @Test
    void announcesEachPaymentOnTelegramWithEscapedAliases() throws Exception {
        assertTrue(await(Duration.ofSeconds(40), () -> telegram.delivered().size() == 3), "3 messages");
        for (JsonNode message : telegram.delivered()) {
            assertEquals(FakeTelegram.CHAT_ID, message.path("chat_id").asText());
            assertEquals("HTML", message.path("parse_mode").asText());
            assertTrue(message.path("text").asText().contains("Rebalanced 19,532 sat"), message.toString());
        }
        assertTrue(telegram.delivered().stream().anyMatch(m -> m.path("text").asText()
                .contains(" → Bob &lt;&amp;&gt; \"Shop\" 🦀")), "aliases escaped for HTML");
        assertEquals(List.of(), errorLines());
    }
}
