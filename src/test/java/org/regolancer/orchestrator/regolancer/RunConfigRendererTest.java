package org.regolancer.orchestrator.regolancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
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
        ObjectNode config = new RunConfigRenderer(template).render(pair, 58596, "/dev/shm/x/run.stat.csv", Duration.ofMinutes(30));
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
    void lowersTimeoutRebalanceToTheWholeMinutesLeftInTheCycle() throws Exception {
        RunConfigRenderer renderer = new RunConfigRenderer(template("{\"timeout_rebalance\":900}"));
        assertEquals(4, renderer.timeoutMinutes(Duration.ofSeconds(299)));
        assertEquals(1, renderer.timeoutMinutes(Duration.ofSeconds(20)), "at least one minute");
        assertEquals(900, renderer.timeoutMinutes(Duration.ofHours(20)), "never above the template");
    }

    @Test
    void zeroOrMissingTimeoutMeansRegolancersDefaultOf360Minutes() throws Exception {
        assertEquals(360, new RunConfigRenderer(template("{\"timeout_rebalance\":0}")).timeoutMinutes(Duration.ofDays(1)));
        assertEquals(360, new RunConfigRenderer(template("{}")).timeoutMinutes(Duration.ofDays(1)));
        assertEquals(5, new RunConfigRenderer(template("{}")).timeoutMinutes(Duration.ofSeconds(300)));
    }
}
