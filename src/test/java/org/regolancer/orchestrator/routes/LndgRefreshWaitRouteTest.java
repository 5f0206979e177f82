package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * A balanced node waiting a minute for LNDg's refresh: neither a stop nor a reload of cycle.camel.yaml is held up by
 * the wait (a route being replaced is otherwise waited for up to 8 s).
 */
class LndgRefreshWaitRouteTest extends DaemonRouteTestSupport {

    private static final long REFRESH_SECONDS = 60;
    /** A copy of the routes, edited by the reload test (read in the super constructor: static). */
    private static final Path ROUTES = copyOfTheRoutes();

    private static Path copyOfTheRoutes() {
        try {
            Path dir = Files.createTempDirectory("routes-");
            try (Stream<Path> files = Files.list(Path.of("routes"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("camel.main.routes-include-pattern", "file:" + ROUTES + "/*.yaml");
        properties.put("routes.directory", ROUTES.toString());
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * fail");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "LNDG_REFRESH_SECONDS", Long.toString(REFRESH_SECONDS));
    }

    @Test
    void aStopDuringTheWaitIsPrompt() throws Exception {
        assertTrue(await(Duration.ofSeconds(10), () -> stats().getCycles() >= 1));
        assertTrue(await(Duration.ofSeconds(5), () -> inRouteFor("cycle", Duration.ofMillis(300))), "the next cycle waits");
        long start = System.nanoTime();
        context.stop();
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis < 3_000, "stopped in " + tookMillis + " ms");
        assertEquals(1, lndg.requests().size());
    }

    @Test
    void aReloadOfTheCycleRouteIsNotHeldUpByTheWait() throws Exception {
        assertTrue(await(Duration.ofSeconds(10), () -> stats().getCycles() >= 1));
        assertTrue(await(Duration.ofSeconds(5), () -> inRouteFor("cycle", Duration.ofMillis(300))), "the next cycle waits");
        Route before = context.getRoute("cycle");
        Path cycle = ROUTES.resolve("cycle.camel.yaml");
        Path temp = ROUTES.resolve(".cycle.camel.yaml.tmp");
        Files.writeString(temp, Files.readString(cycle).replace("description: fetch channels, plan pairs, run them in bounded "
                + "parallel", "description: edited while waiting"));
        long start = System.nanoTime();
        Files.move(temp, cycle, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertTrue(await(Duration.ofSeconds(10), () -> context.getRoute("cycle") != null && context.getRoute("cycle") != before
                && "edited while waiting".equals(context.getRoute("cycle").getDescription())), "reloaded");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        // Camel looks at a stopping route's work once a second: about a second, not the 8 s it grants a route
        assertTrue(tookMillis < 4_000, "reloaded in " + tookMillis + " ms, not after the route's 8 s grace");
        assertTrue(errorLines().isEmpty(), errorLines().toString());
        int fetched = lndg.requests().size();
        // a cycle of the reloaded route has begun and stays a second without fetching
        assertTrue(await(Duration.ofSeconds(5), () -> inRouteFor("cycle", Duration.ofSeconds(1))), "the reloaded route's cycle");
        assertEquals(fetched, lndg.requests().size(), "the reloaded route waits for LNDg's refresh too");
    }
}
