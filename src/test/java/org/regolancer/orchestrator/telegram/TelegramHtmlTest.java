package org.regolancer.orchestrator.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TelegramHtmlTest {

    @Test
    void theTerminalGetsTheTextWithoutTagsAndWithItsCharacters() {
        String alias = "Tom & Jerry <b>⚡</b> &lt;";
        String html = "📊 <b>Rebalancing report</b> ⏰ <i>late</i>\n• " + TelegramHtml.escape(alias) + ": 1 × 5 sat &#39;x&#39; &quot;";
        assertEquals("📊 Rebalancing report ⏰ late\n• Tom & Jerry <b>⚡</b> &lt;: 1 × 5 sat 'x' \"", TelegramHtml.toText(html),
                "an alias reads as it was written, its own tags and entities included");
        assertEquals("a <a href=\"x\">link</a>".replaceAll("<[^>]*>", ""), TelegramHtml.toText("a <a href=\"x\">link</a>"));
    }
}
