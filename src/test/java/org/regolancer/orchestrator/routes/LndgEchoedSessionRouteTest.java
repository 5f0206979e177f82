package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeLndg.Answer;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * A proxy in front of LNDg whose error page echoes the request's headers: the session cookie is in the failure's
 * words, and /status would send them to Telegram. The stored failure is scrubbed as errors.log is.
 */
class LndgEchoedSessionRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1"))).thenAnswer(new Answer(502, "text/html",
                "<html><head><title>Bad Gateway (request had Cookie: {cookie})</title></head><body>upstream down</body></html>", 0));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.1");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SEND_REBALANCE_MSG", "false");
    }

    @Test
    void theLastFetchFailureShownByStatusHoldsNoSessionId() throws Exception {
        assertTrue(await(Duration.ofSeconds(20), () -> stats().getSuccesses() > 0), "LNDg failed once, then a cycle paid");
        Matcher session = Pattern.compile("sessionid=([^;\\s]+)").matcher(String.valueOf(lndg.requests().get(0).cookie()));
        assertTrue(session.find(), "the failed request carried the session: " + lndg.requests().get(0));
        String why = stats().lastLndgFailure().why();
        assertTrue(why.contains("Bad Gateway (request had Cookie: ") && why.contains("sessionid=***"),
                "the page's title, as the proxy echoed it: " + why);
        assertFalse(why.contains(session.group(1)), why);
        assertFalse(String.join("\n", errorLines()).contains(session.group(1)), errorLines().toString());
    }
}
