package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.Listening;
import org.regolancer.orchestrator.fixtures.RemoteJmx;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * An upgraded node whose settings have JMX_PORT from the days of password-less JMX: it rebalances on, without remote
 * JMX, and errors.log says once why.
 */
class RemoteJmxWithoutPasswordRouteTest extends DaemonRouteTestSupport {

    private static final int PORT = Listening.freePort();

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.1");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("JMX_PORT", Integer.toString(PORT), "SEND_REBALANCE_MSG", "false");
    }

    @Test
    void theDaemonRebalancesWithoutRemoteJmxAndSaysSoOnce() throws Exception {
        assertTrue(await(Duration.ofSeconds(20), () -> stats().getSuccesses() >= 2 && stats().getCycles() >= 3),
                "it rebalances");
        assertEquals(List.of(), Listening.addresses(PORT), "nothing listens on JMX_PORT");
        assertThrows(IOException.class, () -> RemoteJmx.connect(PORT, new String[] {RemoteJmx.ROLE, RemoteJmx.PASSWORD}));
        List<String> jmx = errorLines().stream().filter(l -> l.contains("[jmx]")).toList();
        assertEquals(1, jmx.size(), "one line: " + errorLines());
        assertTrue(jmx.get(0).endsWith("[jmx] JMX_PORT=" + PORT + " is set without JMX_PASSWORD_FILE (without one any local "
                + "user could connect): remote JMX on 127.0.0.1:" + PORT + " is off; accepted: JMX_PASSWORD_FILE naming a file "
                + "of `role password` lines, owned by the daemon's user and readable by it alone (chmod 600), or JMX_PORT=0"),
                jmx.get(0));
    }
}
