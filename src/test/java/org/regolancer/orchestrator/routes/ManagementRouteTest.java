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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeLndg.Answer;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;
import org.regolancer.orchestrator.settings.Settings;

/** Health and Prometheus metrics on Camel's management server: readiness DOWN while LNDg keeps failing. */
class ManagementRouteTest extends DaemonRouteTestSupport {

    private static final int PORT = org.regolancer.orchestrator.fixtures.Listening.freePort();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        // Camel Main reads its server's keys as it starts: the same ones the daemon derives from MANAGEMENT_PORT
        Properties properties = new Properties();
        properties.putAll(Settings.managementProperties(PORT));
        properties.putAll(QUICK_LNDG_RETRIES);
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        Answer down = Answer.json(500, "{\"detail\":\"down\"}");
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1"), target(12, "T2")))
                .thenAnswer(down, down, down, down, down, down);
        regolancer = new StandinRegolancer(work.resolve("bin"),
                org.regolancer.orchestrator.fixtures.TestChannels.chanId(1) + " "
                        + org.regolancer.orchestrator.fixtures.TestChannels.chanId(11) + " success", "* * fail");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("MANAGEMENT_PORT", Integer.toString(PORT), "READY_MAX_LNDG_FAILURES", "3", "SEND_REBALANCE_MSG", "false");
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readinessFollowsLndgAndTheCountersAreInPrometheusFormat() throws Exception {
        assertTrue(await(Duration.ofSeconds(15), () -> get("/observe/health/ready").statusCode() == 503
                && get("/observe/health/ready").body().contains("LNDg failed")), "DOWN while LNDg keeps failing");
        assertEquals(200, get("/observe/health/live").statusCode(), "alive all the same");
        assertTrue(org.regolancer.orchestrator.fixtures.Listening.onlyOnLoopback(PORT),
                "the management server listens on 127.0.0.1 only: " + org.regolancer.orchestrator.fixtures.Listening.addresses(PORT));
        assertTrue(await(Duration.ofSeconds(20), () -> get("/observe/health/ready").statusCode() == 200), "UP once it is back");

        assertTrue(await(Duration.ofSeconds(10), () -> stats().getSuccesses() > 0 && stats().getPairsWaiting() == 1));
        String metrics = get("/observe/metrics").body();
        assertTrue(metrics.contains("regolancer_pairs_waiting 1.0"), metrics);
        for (String reason : List.of("wait", "fee", "htlc", "target_paid")) {
            assertTrue(metrics.contains("regolancer_pairs_skipped_total{reason=\"" + reason + "\"}"), reason + ": " + metrics);
        }
        assertTrue(metrics.contains("regolancer_cycles_total"), metrics);
        assertTrue(metrics.contains("regolancer_lndg_failures_total 6.0"), metrics);
        assertTrue(metrics.contains("regolancer_runs_total{outcome=\"SUCCESS\"}"), metrics);
        assertTrue(metrics.contains("regolancer_payments_total"), metrics);
        assertTrue(metrics.contains("regolancer_last_cycle_end_timestamp_seconds"), metrics);
    }
}
