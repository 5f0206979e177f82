package org.regolancer.orchestrator.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code check}'s Telegram items: the token, the chat, the test message only when asked for.
 */
class TelegramCheckTest extends NodeCheckFixture {

    @Test
    void telegramTestSendsOneMessage() throws IOException {
        assertEquals(0, check(settings(), true).exitCode());
        assertEquals(1, telegram.delivered().size());
        assertEquals("regolancer-orchestrator check: Telegram works", telegram.delivered().get(0).path("text").asText());
    }

    @Test
    void aBadTokenIsNamed() throws IOException {
        Map<String, String> raw = settings();
        raw.put("TELEGRAM_TOKEN", "987654321:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        String line = failure(check(raw, false));
        assertTrue(line.startsWith("✗ Telegram: the bot token is refused (401 Unauthorized)\n    → set TELEGRAM_TOKEN"), line);
        assertFalse(line.contains("987654321:AAAA"), "the token is a secret too");
    }

    @Test
    void aChatTheBotIsNotInIsNamed() throws IOException {
        Map<String, String> raw = settings();
        raw.put("TELEGRAM_CHAT_ID", "-1009999999999");
        String line = failure(check(raw, false));
        assertTrue(line.startsWith("✗ Telegram: TELEGRAM_CHAT_ID=-1009999999999 is not a chat the bot is in (400 Bad Request: "
                + "chat not found)\n    → add the bot to that chat"), line);
    }
}
