package org.regolancer.orchestrator.regolancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.TestChannels;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.Exclusions;

/** The template read as regolancer v1.12 reads it (main.go's configParams, Go's encoding/json), checked once at start-up. */
class TemplateCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBKEY = "03" + "ab".repeat(32);

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static Optional<String> problem(String template) throws Exception {
        return TemplateCheck.problem(json(template), 19_532);
    }

    @Test
    void keysMatchInAnyCaseAndTheLastOneWinsAsInGo() throws Exception {
        JsonNode template = json("{\"min_amount\": 5000, \"Min_Amount\": 7000, \"PERC\": 20, \"econ_ratio\": 0.9}");
        assertEquals(7000, TemplateKeys.get(template, "min_amount").asLong(), "the later key in the document");
        assertEquals(20, TemplateKeys.get(template, "perc").asLong());
        assertNull(TemplateKeys.get(template, "pfrom"));
        assertEquals(7000, TemplateKeys.minAmountSat(template));
        assertEquals(10_000, TemplateKeys.minAmountSat(json("{\"min_amount\": 0}")), "regolancer's own floor");
        assertEquals(List.of(), TemplateKeys.unknown(json("{\"Info\": false, \"VERSION\": false, \"help\": false, \"config\": \"x\"}")),
                "fields without a json tag are matched by their Go name");
    }

    @Test
    void keysRegolancerDoesNotKnowAreNamedWithTheNearestKnownOne() throws Exception {
        JsonNode template = json("{\"econ_raito\": 0.5, \"econ-ratio-max-ppm\": 300, \"FromPerc\": 10, \"_comment\": \"x\", \"amount\": 1}");
        assertEquals(List.of("econ_raito", "econ-ratio-max-ppm", "FromPerc", "_comment"), TemplateKeys.unknown(template),
                "a tagged field matches its json tag only, not its Go name");
        assertEquals("econ_ratio", TemplateKeys.nearest("econ_raito"));
        assertEquals("econ_ratio_max_ppm", TemplateKeys.nearest("econ-ratio-max-ppm"), "the command line's spelling");
        assertNull(TemplateKeys.nearest("_comment"));
        List<String> warnings = TemplateCheck.warnings(template);
        assertEquals(4, warnings.size(), warnings.toString());
        assertEquals("'econ_raito' is not a key regolancer knows: it ignores it (did you mean 'econ_ratio'?)", warnings.get(0));
        assertTrue(problem(template.toString()).isEmpty(), "ignored, not refused");
    }

    @Test
    void percIsAWarningAndExcludeChannelAgeIsNotAppliedByOurPairing() throws Exception {
        List<String> warnings = TemplateCheck.warnings(json("{\"Perc\": 20, \"exclude_channel_age\": 1000}"));
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("'perc' is dropped from every run's config"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("'exclude_channel_age' is not applied by the orchestrator's pairing"), warnings.get(1));
        assertEquals(List.of(), TemplateCheck.warnings(json("{\"perc\": 0, \"exclude_channel_age\": 0}")), "0 is regolancer's 'not set'");
    }

    @Test
    void infoVersionAndHelpWouldEndEveryRunWithoutPaying() throws Exception {
        assertTrue(problem("{\"info\": true}").orElseThrow().contains("'info' is true: regolancer would print its channel "
                + "information and exit without paying"));
        assertTrue(problem("{\"Version\": true}").orElseThrow().startsWith("'version' is true"));
        assertTrue(problem("{\"HELP\": true}").orElseThrow().startsWith("'help' is true"));
        assertTrue(problem("{\"INFO\": false, \"info\": true}").isPresent(), "the last one in any case wins");
        assertTrue(problem("{\"info\": true, \"INFO\": false}").isEmpty(), "the last one in any case wins");
        assertTrue(problem("{\"info\": false, \"version\": null}").isEmpty());
    }

    @Test
    void aValueOfTheWrongTypeMakesRegolancerRefuseTheWholeConfig() throws Exception {
        assertEquals("'lost_profit' must be true or false (regolancer refuses the config on every run otherwise)",
                problem("{\"lost_profit\": \"yes\"}").orElseThrow());
        assertTrue(problem("{\"probe_steps\": 1.5}").orElseThrow().startsWith("'probe_steps' must be a whole number"));
        assertTrue(problem("{\"Econ_Ratio\": \"0.5\"}").orElseThrow().startsWith("'econ_ratio' must be a number"));
        assertTrue(problem("{\"exclude_channel_age\": -1}").orElseThrow().startsWith("'exclude_channel_age' must be a whole number ≥ 0"));
        assertTrue(problem("{\"connect\": 10009}").orElseThrow().startsWith("'connect' must be a string"));
        assertTrue(problem("{\"exclude\": \"123\"}").orElseThrow().contains("'exclude' must be a list of strings"));
        assertTrue(problem("{\"probe_steps\": 5, \"econ_ratio\": 1, \"lost_profit\": null, \"connect\": \"h:1\"}").isEmpty(),
                "null leaves a Go field as it is");
    }

    @Test
    void numbersInTheDeprecatedChannelListsAreRefusedInRegolancersOwnWords() throws Exception {
        for (String key : List.of("exclude_channels_in", "Exclude_Channels_Out", "exclude_channels", "exclude_nodes")) {
            String message = problem("{\"" + key + "\": [\"821913529170526209\", 821280210377179136]}").orElseThrow();
            assertTrue(message.contains("holds numbers") && message.contains("all prior int channel arrays are now string arrays"),
                    key + ": " + message);
        }
        assertTrue(problem("{\"exclude_channels_in\": [\"821913529170526209\", \"757806x673x1\"]}").isEmpty());
    }

    @Test
    void entriesOfTheChannelListsMustBeWhatRegolancerParses() throws Exception {
        assertTrue(problem("{\"exclude\": [\"802741344926629888\", \"757806x673x1\", \"" + PUBKEY + "\"]}").isEmpty());
        assertTrue(problem("{\"exclude_to\": [\"my peer\"]}").orElseThrow().startsWith("'exclude_to' has \"my peer\""));
        assertTrue(problem("{\"exclude_from\": [\"" + "zz".repeat(33) + "\"]}").isPresent(), "66 characters, not hex");
        assertTrue(problem("{\"exclude\": [\"99999999999999999999\"]}").isPresent(), "above a signed 64-bit number");
        assertTrue(problem("{\"exclude\": [\"8388608x1x1\"]}").isPresent(), "a block height past 23 bits");
        assertTrue(problem("{\"exclude_channels\": [\"" + PUBKEY + "\"]}").isPresent(), "its deprecated lists take channels only");
        assertTrue(problem("{\"exclude_nodes\": [\"802741344926629888\"]}").orElseThrow().startsWith("'exclude_nodes' has"),
                "node pubkeys only");
    }

    @Test
    void thePreflightsCombinationsAreRefused() throws Exception {
        assertTrue(problem("{\"exclude\": [\"1\"], \"exclude_channels\": [\"2\"]}").orElseThrow()
                .startsWith("'exclude' and the deprecated 'exclude_channels' cannot be combined"));
        assertTrue(problem("{\"exclude\": [\"1\"], \"exclude_nodes\": [\"" + PUBKEY + "\"]}").isPresent());
        assertTrue(problem("{\"exclude_to\": [\"1\"], \"exclude_channels_in\": [\"2\"]}").isPresent());
        assertTrue(problem("{\"EXCLUDE_FROM\": [\"1\"], \"exclude_channels_out\": [\"2\"]}").isPresent());
        assertTrue(problem("{\"exclude_from\": [], \"exclude_channels_out\": [\"2\"]}").isEmpty(), "an empty list is none");
        assertTrue(problem("{\"Fee_Limit_Ppm\": 100, \"econ_ratio_max_ppm\": 500}").isPresent());
        assertTrue(problem("{\"fee_limit_ppm\": 0, \"econ_ratio_max_ppm\": 500}").isEmpty(), "0 is regolancer's 'not set'");
        assertTrue(problem("{\"rel_amount_to\": 0.2}").orElseThrow().contains("'rel_amount_to' cannot be combined"));
        assertTrue(problem("{\"min_amount\": 20000}").orElseThrow().contains("above AMOUNT_INITIAL 19532"));
    }

    @Test
    void theTemplatesExclusionsRuleOutTheChannelsRegolancerWouldDrop() throws Exception {
        Channel source = TestChannels.sourceChannel(1);
        Channel target = TestChannels.targetChannel(2);
        Exclusions exclusions = TemplateKeys.exclusions(json("{\"Exclude_From\": [\"" + source.id() + "\"], \"exclude_to\": [\""
                + source.id() + "\"], \"exclude\": [\"" + TestChannels.peer(2) + "\"]}"));
        assertEquals("exclude_from", exclusions.source(source));
        assertEquals("exclude_to", exclusions.target(source));
        assertEquals("exclude", exclusions.target(target));
        assertEquals("exclude", exclusions.source(target));
        assertNull(TemplateKeys.exclusions(json("{\"exclude_from\": [\"" + source.id() + "\"]}")).target(source));
        assertFalse(TemplateKeys.exclusions(json("{\"exclude_channels_out\": [\"" + source.id() + "\"]}")).isEmpty(), "deprecated too");
    }
}
