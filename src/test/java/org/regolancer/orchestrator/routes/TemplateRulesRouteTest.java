package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.peer;
import static org.regolancer.orchestrator.fixtures.TestChannels.row;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;
import org.regolancer.orchestrator.pairing.Exclusions;

/**
 * A template started from regolancer's own config.json.sample carries "perc" (here as "Perc": Go's decoder matches it
 * all the same), which would replace every run's pfrom and pto: the stand-in regolancer, like regolancer, then finds
 * no channel pair. The template's exclude_to (a short channel id) and exclude (a peer) rule their channels out of the
 * pairing. Each run's amount is the cycle's, lowered to its source's margin above its ar_out_target; a source at its
 * target has none and is not paired. Rapid rebalancing stays on only where regolancer's repeats cannot take the source
 * past its target.
 */
class TemplateRulesRouteTest extends DaemonRouteTestSupport {

    private static final String EXCLUDED_TARGET = "893182773332606977";

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(
                source(1, "Roomy"),                                                                  // 150,000 above 75 %
                row(chanId(2), "Thin", peer(2), 1_000_000, 790_000, 206_530, false, 90, 75),         // 40,000 above
                row(chanId(3), "AtTarget", peer(3), 1_000_000, 750_000, 246_530, false, 90, 75),     // none
                source(4, "ExcludedPeer"),
                // T1 takes refills until its inbound falls below 50 %: 450,000 sat; T2 below 90 %: 50,000 sat
                row(chanId(11), "T1", peer(11), 1_000_000, 50_000, 946_530, true, 50, 75), target(12, "T2"), target(14, "T3"),
                row(EXCLUDED_TARGET, "ExcludedTarget", peer(13), 1_000_000, 50_000, 946_530, true, 90, 75)));
        // one run at a time in LNDg's order: Roomy pays T1 and T2, finds no route to T3, which Thin then pays
        regolancer = new StandinRegolancer(work.resolve("bin"), chanId(1) + " " + chanId(14) + " fail 0.2", "* * success 0.2")
                .keepingConfigs();
        // LNDg's short_chan_id of that channel: block 812345, transaction 1021, output 1
        String shortId = "812345x1021x1";
        assertEquals(EXCLUDED_TARGET, Exclusions.normalise(shortId));
        Files.writeString(work.resolve("config.template.json"), "{\"Perc\": 20, \"econ_ratio\": 0.9, \"amount\": 100000,"
                + "\"allow_rapid_rebalance\": true, \"exclude_to\": [\"" + shortId + "\"], \"exclude\": [\"" + peer(4) + "\"],"
                + "\"timeout_rebalance\": 30}");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("CONFIG_TEMPLATE", work.resolve("config.template.json").toString(), "RUN_FOREVER", "false",
                "AMOUNT_INITIAL", "100000", "SEND_REBALANCE_MSG", "false", "RANDOMIZE_PAIRS", "false", "MAX_WORKERS", "1");
    }

    @Test
    void percIsDroppedTheTemplatesExclusionsAreNotPairedAndEachRunTakesAtMostItsSourcesMargin() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), lifecycle::isFinished));
        List<StandinRegolancer.Run> runs = regolancer.runs();
        assertTrue(runs.stream().allMatch(r -> r.from().equals(chanId(1)) || r.from().equals(chanId(2))),
                "AtTarget has no margin, ExcludedPeer's peer is in exclude: " + runs);
        assertTrue(runs.stream().noneMatch(r -> r.to().equals(EXCLUDED_TARGET)), "exclude_to by short channel id: " + runs);
        assertEquals(3, regolancer.payments(), "every target paid: the configs had no perc, in any case");

        for (StandinRegolancer.Run run : runs) {
            JsonNode config = regolancer.configs(run.from(), run.to()).get(0);
            List<String> keys = new java.util.ArrayList<>();
            config.fieldNames().forEachRemaining(keys::add);
            assertFalse(keys.stream().anyMatch(k -> k.equalsIgnoreCase("perc")), config.toString());
            assertEquals(25, config.path("pfrom").asInt(), "100 − ar_out_target");
        }
        JsonNode roomy = regolancer.configs(chanId(1), chanId(11)).get(0);
        assertEquals(100_000, roomy.path("amount").asLong(), "the cycle's amount: the margin is 150,000");
        assertFalse(roomy.path("allow_rapid_rebalance").asBoolean(true),
                "a doubled repeat (200,000) would take Roomy 150,000 past its target while T1 still takes more: " + roomy);
        assertTrue(regolancer.configs(chanId(1), chanId(12)).get(0).path("allow_rapid_rebalance").asBoolean(),
                "T2 is full after one payment: regolancer's own check ends the repeats before they start");
        StandinRegolancer.Run thinRun = runs.stream().filter(r -> r.from().equals(chanId(2))).findFirst().orElseThrow();
        assertEquals(40_000, thinRun.amount(), "Thin's margin above its 75 %");
        assertEquals(chanId(14), thinRun.to());
        assertTrue(ledgerLines().stream().anyMatch(l -> l.contains(chanId(2) + ",Thin,") && l.contains(",40000,")), ledgerLines().toString());
    }
}
