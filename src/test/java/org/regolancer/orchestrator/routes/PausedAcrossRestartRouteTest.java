package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.Listening;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;
import org.regolancer.orchestrator.settings.Settings;

/**
 * A /pause outlives a restart: DATA_DIR/paused is there when the daemon starts. It fetches and plans, starts no run,
 * stays ready and says "paused" on its health endpoint, in its metrics and over JMX.
 */
class PausedAcrossRestartRouteTest extends DaemonRouteTestSupport {

    private static final int PORT = Listening.freePort();

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.putAll(Settings.managementProperties(PORT));
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("paused"), "2026-11-26T10:00:00Z\n");
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success");
    }

    @Override
    protected Map<String, String> settings() {
        // paused cycles run nothing, so they fetch at LNDg's refresh interval: 1 s here, to count cycles
        return Map.of("MANAGEMENT_PORT", Integer.toString(PORT), "SLEEP_SECONDS", "0", "LNDG_REFRESH_SECONDS", "1");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + PORT + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    @Test
    void aPauseKeptInDataDirHoldsAfterTheStart() throws Exception {
        assertTrue(await(Duration.ofSeconds(20), () -> stats().getCycles() >= 5), "cycles go on");
        assertEquals(List.of(), regolancer.runs(), "no run starts while paused");
        assertTrue(stats().isPaused());
        String ready = get("/observe/health/ready");
        assertTrue(ready.contains("\"rebalancing\",\"status\":\"UP\",\"message\":\"paused (Telegram "), "ready, and it says paused: " + ready);
        assertTrue(get("/observe/metrics").contains("regolancer_paused 1.0"));
        javax.management.ObjectName name = new javax.management.ObjectName("org.regolancer.orchestrator:type=Stats,name=cycles");
        assertEquals(true, java.lang.management.ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Paused"));
    }
}
