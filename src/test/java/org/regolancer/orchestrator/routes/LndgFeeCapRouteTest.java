package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * FEE_POLICY=lndg (the default) against LNDg's settings: its first /api/settings/ answer is a 500, so the runs start
 * with LNDg's default 500 ppm and errors.log says so once; a minute later (shortened here) it reads 40 ppm, and the
 * runs use it. The template's fee_limit_ppm is dropped, lost_profit kept; a target whose cap cannot beat its peer's
 * fee is never run; the settings are not read every cycle.
 */
class LndgFeeCapRouteTest extends DaemonRouteTestSupport {

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("lndg.settings-retry-ms", "300");
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        Map<String, Object> hopeless = target(12, "PricyPeer");
        hopeless.put("local_fee_rate", 60);
        hopeless.put("remote_fee_rate", 50);
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1"), hopeless)).withSetting("AR-MaxFeeRate", "40")
                .thenAnswerSettings(new FakeLndg.Answer(500, "text/html", "<h1>Server Error (500)</h1>", 0));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * fail 0.05").keepingConfigs();
    }

    @Override
    protected Map<String, String> settings() {
        try {
            Path template = Files.writeString(work.resolve("template.json"), "{\"econ_ratio\":0.9,\"fee_limit_ppm\":300,"
                    + "\"lost_profit\":true,\"probe_steps\":15,\"timeout_rebalance\":5}");
            // RETRY_WAIT_MINUTES=0: the failing pair runs every cycle, so each cycle's config can be looked at
            return Map.of("SLEEP_SECONDS", "0", "CONFIG_TEMPLATE", template.toString(), "RETRY_WAIT_MINUTES", "0");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void runsTakeLndgsCapAndATargetWhoseCapCannotBeatItsPeersFeeNeverRuns() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), () -> {
            List<JsonNode> configs = regolancer.configs(chanId(1), chanId(11));
            return !configs.isEmpty() && configs.get(configs.size() - 1).path("econ_ratio_max_ppm").asLong() == 40
                    && stats().getCycles() >= 6;
        }), "the runs take AR-MaxFeeRate once LNDg answers");
        List<JsonNode> configs = regolancer.configs(chanId(1), chanId(11));
        assertEquals(500, configs.get(0).path("econ_ratio_max_ppm").asLong(), "LNDg's default until its settings are read");
        JsonNode config = configs.get(configs.size() - 1);
        assertEquals(0.65, config.path("econ_ratio").asDouble(), "T1's ar_max_cost 65 %");
        assertFalse(config.has("fee_limit_ppm"), config.toString());
        assertTrue(config.path("lost_profit").asBoolean(), config.toString());
        assertEquals(15, config.path("probe_steps").asInt());

        assertEquals(List.of(), regolancer.runsOf(chanId(1), chanId(12)), "cap min(40, 60 × 65 %) = 39 ppm ≤ its peer's 50");
        assertTrue(stats().getPairsSkippedFee() >= stats().getCycles() - 1);
        assertTrue(lndg.settingsQueries().size() <= 3, "read at start, once more after the failure, not every cycle: "
                + lndg.settingsQueries());

        List<String> errors = errorLines();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("[lndg-settings] LNDg's settings (AR-MaxFeeRate) could not be read, using 500 ppm "
                + "(LNDg's default)"), errors.get(0));
    }
}
