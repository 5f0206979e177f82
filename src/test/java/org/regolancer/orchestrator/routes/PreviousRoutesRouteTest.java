package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * An operator's edited copy of the routes from before the cycle route told its story (src/test/resources/routes-previous,
 * as main had them) keeps working, as the README's "Upgrading" promises: its first step {@code mustNotStart}, its paging
 * through LNDg with the three accessors, {@code plan} of the channel fetch. A cycle pays into both targets.
 */
class PreviousRoutesRouteTest extends DaemonRouteTestSupport {

    private static final Path PREVIOUS = Path.of("src/test/resources/routes-previous").toAbsolutePath();

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("camel.main.routes-include-pattern", "file:" + PREVIOUS + "/*.yaml");
        properties.put("routes.directory", PREVIOUS.toString());
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        lndg.withPageSize(2).withChannels(List.of(source(1, "SourceOne"), source(2, "SourceTwo"),
                target(11, "SinkOne"), target(12, "SinkTwo")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.2");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("MAX_WORKERS", "2", "RUN_FOREVER", "false");
    }

    @Test
    void aCycleOfTheOldRoutesPaysEachTargetAndRecordsIt() throws Exception {
        assertTrue(Files.readString(PREVIOUS.resolve("cycle.camel.yaml")).contains("method: mustNotStart"),
                "the copy is of the routes before the story");
        assertTrue(await(Duration.ofSeconds(30), lifecycle::isFinished), "the single cycle ends");
        assertEquals(0, lifecycle.exitCode());
        assertEquals(2, lndg.requests().size(), "4 channels in pages of 2, through the old paging");
        assertEquals(List.of(chanId(11), chanId(12)), regolancer.runs().stream().map(StandinRegolancer.Run::to).sorted().toList(),
                "one paying run into each target");
        assertEquals(3, ledgerLines().size(), "header and 2 payments: " + ledgerLines());
        assertEquals(2, stats().getSuccesses());
        assertEquals(1, stats().getCycles());
        assertEquals(List.of(), errorLines());
    }
}
