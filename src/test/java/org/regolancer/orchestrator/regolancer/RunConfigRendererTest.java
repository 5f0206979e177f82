package org.regolancer.orchestrator.regolancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.pairing.Pair;

class RunConfigRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Pair pair = new Pair(
            channel("905399447106748416", "02" + "a".repeat(64), 10_000_000, 8_700_000, 1_296_530, 0, 0, false, 90, 70),
            channel("893182773332606977", "03" + "b".repeat(64), 5_000_000, 400_000, 4_596_530, 0, 0, true, 85, 75));

    private static ObjectNode template(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void setsThePairAmountAndStatAndKeepsEveryOtherKey() throws Exception {
        ObjectNode template = template("{\"connect\":\"127.0.0.1:10009\",\"econ_ratio\":0.9,\"amount\":50000,"
                + "\"from\":[],\"to\":[],\"stat\":\"/old.csv\",\"allow_rapid_rebalance\":true,\"timeout_rebalance\":900}");
        ObjectNode config = new RunConfigRenderer(template, false).render(pair, 58596, "/dev/shm/x/run.stat.csv", Duration.ofMinutes(30), 500);
        assertEquals("[\"905399447106748416\"]", config.get("from").toString(), "chan ids as strings");
        assertEquals("[\"893182773332606977\"]", config.get("to").toString());
        assertEquals(30, config.get("pfrom").asInt(), "100 − 70");
        assertEquals(15, config.get("pto").asInt(), "100 − 85");
        assertEquals(58596, config.get("amount").asLong());
        assertEquals("/dev/shm/x/run.stat.csv", config.get("stat").asText());
        assertEquals("127.0.0.1:10009", config.get("connect").asText());
        assertEquals(0.9, config.get("econ_ratio").asDouble());
        assertTrue(config.get("allow_rapid_rebalance").asBoolean());
        assertEquals(50000, template.get("amount").asLong(), "the template itself is untouched");
    }

    @Test
    void underLndgsPolicyTheFeeLimitIsTheTargetsArMaxCostCappedAtArMaxFeeRate() throws Exception {
        ObjectNode template = template("{\"econ_ratio\":0.9,\"fee_limit_ppm\":300,\"lost_profit\":true,"
                + "\"probe_steps\":15,\"allow_rapid_rebalance\":true}");
        ObjectNode config = new RunConfigRenderer(template, true).render(pair, 19532, "/s.csv", Duration.ofMinutes(5), 400);
        assertEquals(0.65, config.get("econ_ratio").asDouble(), "the target's ar_max_cost 65 % of our fee on it");
        assertTrue(config.get("econ_ratio").isFloatingPointNumber());
        assertEquals(400, config.get("econ_ratio_max_ppm").asLong(), "LNDg's AR-MaxFeeRate");
        assertTrue(!config.has("fee_limit_ppm"), "regolancer refuses it beside econ_ratio_max_ppm");
        assertTrue(config.get("lost_profit").asBoolean(), "kept");
        assertEquals(15, config.get("probe_steps").asInt(), "kept");
        assertEquals(300, template.get("fee_limit_ppm").asInt(), "the template itself is untouched");

        ObjectNode asItIs = new RunConfigRenderer(template, false).render(pair, 19532, "/s.csv", Duration.ofMinutes(5), 400);
        assertEquals(0.9, asItIs.get("econ_ratio").asDouble(), "template policy: the template's own");
        assertEquals(300, asItIs.get("fee_limit_ppm").asInt());
        assertTrue(!asItIs.has("econ_ratio_max_ppm"));
    }

    @Test
    void aRunWhoseRefillBudgetAllowsLessGetsThatCapAndNoRapidRebalancing() throws Exception {
        ObjectNode template = template("{\"econ_ratio\":0.9,\"allow_rapid_rebalance\":true}");
        RunConfigRenderer renderer = new RunConfigRenderer(template, true);
        ObjectNode capped = renderer.render(pair, 100_000, "/s.csv", Duration.ofMinutes(5), 400, java.util.OptionalLong.of(25));
        assertEquals(25, capped.get("econ_ratio_max_ppm").asLong(), "what is left of the budget for 100,000 sat");
        assertEquals(false, capped.get("allow_rapid_rebalance").asBoolean(), "repeated payments could overspend it");
        assertEquals(0.65, capped.get("econ_ratio").asDouble(), "LNDg's ratio as ever");

        ObjectNode free = renderer.render(pair, 100_000, "/s.csv", Duration.ofMinutes(5), 400, java.util.OptionalLong.empty());
        assertEquals(400, free.get("econ_ratio_max_ppm").asLong());
        assertTrue(free.get("allow_rapid_rebalance").asBoolean(), "the template's own when the budget does not bind");
    }

    @Test
    void lowersTimeoutRebalanceToTheWholeMinutesLeftInTheCycle() throws Exception {
        RunConfigRenderer renderer = new RunConfigRenderer(template("{\"timeout_rebalance\":900}"), false);
        assertEquals(4, renderer.timeoutMinutes(Duration.ofSeconds(299)));
        assertEquals(1, renderer.timeoutMinutes(Duration.ofSeconds(20)), "at least one minute");
        assertEquals(900, renderer.timeoutMinutes(Duration.ofHours(20)), "never above the template");
    }

    @Test
    void zeroOrMissingTimeoutMeansRegolancersDefaultOf360Minutes() throws Exception {
        assertEquals(360, new RunConfigRenderer(template("{\"timeout_rebalance\":0}"), false).timeoutMinutes(Duration.ofDays(1)));
        assertEquals(360, new RunConfigRenderer(template("{}"), false).timeoutMinutes(Duration.ofDays(1)));
        assertEquals(5, new RunConfigRenderer(template("{}"), false).timeoutMinutes(Duration.ofSeconds(300)));
    }

    @Test
    void maxFeePpmIsTheHighestFeeLimitARunCarriesWhateverLndgOrTheTemplateSay() throws Exception {
        java.util.OptionalLong ceiling = java.util.OptionalLong.of(300);
        ObjectNode lndg = new RunConfigRenderer(template("{\"econ_ratio\":0.9}"), true, ceiling)
                .render(pair, 19532, "/s.csv", Duration.ofMinutes(5), 2_000_000_000L);
        assertEquals(300, lndg.get("econ_ratio_max_ppm").asLong(), "LNDg's 2e9 ppm is not what the run carries");
        ObjectNode budget = new RunConfigRenderer(template("{}"), true, ceiling)
                .render(pair, 19532, "/s.csv", Duration.ofMinutes(5), 400, java.util.OptionalLong.of(25));
        assertEquals(25, budget.get("econ_ratio_max_ppm").asLong(), "a lower cap stays lower");

        RunConfigRenderer template = new RunConfigRenderer(template("{\"fee_limit_ppm\":800}"), false, ceiling);
        ObjectNode fixed = template.render(pair, 19532, "/s.csv", Duration.ofMinutes(5), 400);
        assertEquals(300, fixed.get("fee_limit_ppm").asLong(), "the template's fee_limit_ppm lowered");
        assertTrue(!fixed.has("econ_ratio_max_ppm"), "regolancer refuses both at once");
        ObjectNode low = new RunConfigRenderer(template("{\"fee_limit_ppm\":100}"), false, ceiling)
                .render(pair, 19532, "/s.csv", Duration.ofMinutes(5), 400);
        assertEquals(100, low.get("fee_limit_ppm").asLong(), "below the ceiling: as it is");
        ObjectNode ratio = new RunConfigRenderer(template("{\"econ_ratio\":0.5}"), false, ceiling)
                .render(pair, 19532, "/s.csv", Duration.ofMinutes(5), 400);
        assertEquals(300, ratio.get("econ_ratio_max_ppm").asLong(), "a ratio of the target's fee gets a ceiling in ppm");
        assertEquals(0.5, ratio.get("econ_ratio").asDouble());
        ObjectNode both = new RunConfigRenderer(template("{\"econ_ratio\":0.5,\"econ_ratio_max_ppm\":1000}"), false, ceiling)
                .render(pair, 19532, "/s.csv", Duration.ofMinutes(5), 400);
        assertEquals(300, both.get("econ_ratio_max_ppm").asLong());

        ObjectNode off = new RunConfigRenderer(template("{\"fee_limit_ppm\":800}"), false, java.util.OptionalLong.empty())
                .render(pair, 19532, "/s.csv", Duration.ofMinutes(5), 400);
        assertEquals(800, off.get("fee_limit_ppm").asLong(), "MAX_FEE_PPM=0: the template's own");
    }

    @Test
    void everyKeyWeSetOrDropIsReplacedInWhateverCaseTheTemplateWritesIt() throws Exception {
        // regolancer reads keys in any case and the last one wins: a "Perc" or an "AMOUNT" after ours would
        ObjectNode template = template("{\"Perc\": 20, \"PFROM\": 10, \"Pto\": 30, \"AMOUNT\": 5, \"From\": [\"9\"], \"TO\": [\"9\"],"
                + "\"Stat\": \"/old.csv\", \"Timeout_Rebalance\": 3, \"Fee_Limit_Ppm\": 300, \"ECON_RATIO\": 0.9,"
                + "\"Econ_Ratio_Max_Ppm\": 900, \"lost_profit\": true}");
        ObjectNode config = new RunConfigRenderer(template, true).render(pair, 58596, "/dev/shm/x/run.stat.csv", Duration.ofMinutes(30), 500);
        List<String> keys = new java.util.ArrayList<>();
        config.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("lost_profit", "from", "to", "pfrom", "pto", "amount", "stat", "timeout_rebalance", "econ_ratio",
                "econ_ratio_max_ppm"), keys, "each of ours once, in our spelling; perc and fee_limit_ppm gone in any case");
        assertEquals(3, config.get("timeout_rebalance").asLong(), "the template's own timeout, read in its case");
        assertEquals(30, config.get("pfrom").asInt());
        assertEquals(58596, config.get("amount").asLong());
    }

    @Test
    void theAmountIsTheCyclesLoweredToTheSourcesMarginAboveItsTarget() throws Exception {
        // source: 8,700,000 of 10,000,000 with ar_out_target 70: 1,700,000 above it
        RunConfigRenderer renderer = new RunConfigRenderer(template("{}"), false);
        assertEquals(175788, renderer.render(pair, 175788, "/s.csv", Duration.ofMinutes(5), 500).get("amount").asLong());
        Pair thin = new Pair(channel("1", "02" + "c".repeat(64), 10_000_000, 7_040_000, 2_956_530, 0, 0, false, 90, 70),
                pair.target());
        assertEquals(40_000, renderer.render(thin, 175788, "/s.csv", Duration.ofMinutes(5), 500).get("amount").asLong());
    }

    @Test
    void rapidRebalancingStaysOnlyWhereItsRepeatsCannotTakeTheSourceBelowItsTarget() throws Exception {
        ObjectNode template = template("{\"Allow_Rapid_Rebalance\": true}");
        RunConfigRenderer renderer = new RunConfigRenderer(template, false);
        // 58,596 + 117,192 + 234,384 take the target's local from 400,000 past 15 % (pto 15: 750,000), where
        // regolancer's own check stops the repeats; the source has 1,700,000 above its target
        ObjectNode roomy = renderer.render(pair, 58596, "/s.csv", Duration.ofMinutes(5), 500);
        assertTrue(RunConfigRenderer.rapid(roomy), roomy.toString());
        // a source with 100,000 above its target: 58,596 + 117,192 would pass it while the target still takes more
        Pair thin = new Pair(channel("1", "02" + "c".repeat(64), 10_000_000, 7_100_000, 2_896_530, 0, 0, false, 90, 70),
                pair.target());
        ObjectNode tight = renderer.render(thin, 58596, "/s.csv", Duration.ofMinutes(5), 500);
        assertEquals(false, tight.get("allow_rapid_rebalance").asBoolean(true));
        assertEquals(1, countKeys(tight, "allow_rapid_rebalance"), "the template's own spelling is gone");
        ObjectNode off = new RunConfigRenderer(template("{}"), false).render(thin, 58596, "/s.csv", Duration.ofMinutes(5), 500);
        assertTrue(!off.has("allow_rapid_rebalance"), "nothing added where the template does not rapid-rebalance");
    }

    private static int countKeys(ObjectNode config, String key) {
        int[] n = {0};
        config.fieldNames().forEachRemaining(name -> n[0] += name.equalsIgnoreCase(key) ? 1 : 0);
        return n[0];
    }
}
