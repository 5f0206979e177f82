package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.cycle.Cycle;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * A cycle that ran pairs ends on the scheduler's own thread, not on the worker that ran its last pair. Ended on a worker,
 * the cycle counted as done while the scheduler's thread still waited to be woken, and a stop in that moment
 * interrupted it: "WARN Error processing exchange … InterruptedException" with a stack trace, now and then at a
 * SIGTERM during a run (QuietStopIT stops the packaged jar so, again and again).
 */
class CycleEndsOnSchedulerThreadRouteTest extends DaemonRouteTestSupport {

    /** Each cycle that ended: the thread it ended on, and the runs it started. */
    private record Ended(String thread, int runs) {
    }

    private final List<Ended> ended = new CopyOnWriteArrayList<>();

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2"), target(11, "T1"), target(12, "T2")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.1");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "LNDG_REFRESH_SECONDS", "0", "SEND_REBALANCE_MSG", "false",
                "REFILL_BUDGET_PERCENT", "0");
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        super.configure(configuration);
        configuration.addConfiguration(new org.apache.camel.CamelConfiguration() {
            @Override
            public void configure(org.apache.camel.CamelContext context) {
                // the route's own "exchange done", on the thread that ends it (where Camel counts it as no longer in flight)
                context.addRoutePolicyFactory((camel, routeId, route) -> !"cycle".equals(routeId) ? null : new RoutePolicySupport() {
                    @Override
                    public void onExchangeDone(Route done, Exchange exchange) {
                        Cycle cycle = exchange.getProperty("cycle", Cycle.class);
                        ended.add(new Ended(Thread.currentThread().getName(), cycle == null ? 0 : cycle.dispatch().started()));
                    }
                });
            }
        });
    }

    @Test
    void everyCycleThatRanPairsEndsOnTheSchedulersThread() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), () -> ended.stream().filter(e -> e.runs() > 0).count() >= 5),
                "cycles with runs ended: " + ended);
        List<Ended> withRuns = ended.stream().filter(e -> e.runs() > 0).toList();
        assertEquals(List.of(), withRuns.stream().filter(e -> !e.thread().endsWith("scheduler://cycle")).toList(),
                "cycles that ended on another thread than the scheduler's");
    }
}
