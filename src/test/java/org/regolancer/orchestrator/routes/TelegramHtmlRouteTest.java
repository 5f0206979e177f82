package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * Aliases with {@code <}, {@code &}, {@code >} and emoji reach Telegram escaped (the stand-in refuses broken HTML as
 * Telegram does). A 400 "can't parse entities" is not retried: one errors.log line, the ledger row stays, the next
 * messages go.
 */
class TelegramHtmlRouteTest extends DaemonRouteTestSupport {

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "<script>&Co ⚡"), target(11, "Tom & Jerry > 🐈")));
        telegram.thenFail(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse entities: "
                + "Unsupported start tag \\\"script\\\" at byte offset 43\"}");
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0");
    }

    @Test
    void escapedAliasesArriveAndARefusedMessageIsOneLineNotRetried() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), () -> telegram.delivered().size() >= 2), "messages after the refused one");
        JsonNode message = telegram.delivered().get(0);
        assertEquals("HTML", message.path("parse_mode").asText());
        String text = message.path("text").asText();
        assertTrue(text.contains("&lt;script&gt;&amp;Co ⚡") && text.contains("Tom &amp; Jerry &gt; 🐈"), text);

        List<String> errors = errorLines();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("[telegram]") && errors.get(0).contains("can't parse entities"), errors.get(0));
        assertEquals(telegram.delivered().size() + 1, telegram.paths().size(), "the refused message was not retried");
        assertTrue(ledgerLines().size() - 1 >= telegram.delivered().size() + 1, "every payment in the ledger");
    }
}
