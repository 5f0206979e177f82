package org.regolancer.orchestrator.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.regolancer.orchestrator.ops.Secrets;
import org.regolancer.orchestrator.settings.Settings;
import org.regolancer.orchestrator.telegram.BotApi;

/** Telegram: is the token valid, is the bot in the chat; a test message only when asked for. */
final class TelegramCheck {

    private final Settings settings;
    private final Secrets secrets;
    private final boolean telegramTest;
    private final CheckReport report;

    TelegramCheck(Settings settings, Secrets secrets, boolean telegramTest, CheckReport report) {
        this.settings = settings;
        this.secrets = secrets;
        this.telegramTest = telegramTest;
        this.report = report;
    }

    void run() {
        if (!settings.telegram().configured()) {
            report.info("Telegram: not configured (TELEGRAM_TOKEN and TELEGRAM_CHAT_ID empty): no messages, no daily report");
            return;
        }
        BotApi api = new BotApi(settings.telegram().apiUrl(), settings.telegram().token());
        try {
            JsonNode me = api.getMe();
            if (!me.path("ok").asBoolean()) {
                report.fail("Telegram: the bot token is refused (" + clean(BotApi.error(me)) + ")",
                        "set TELEGRAM_TOKEN to the token @BotFather gave you");
                return;
            }
            report.pass("Telegram: token valid, the bot is @" + me.path("result").path("username").asText("?"));
            JsonNode chat = api.getChat(settings.telegram().chatId());
            if (!chat.path("ok").asBoolean()) {
                report.fail("Telegram: TELEGRAM_CHAT_ID=" + settings.telegram().chatId() + " is not a chat the bot is in ("
                        + clean(BotApi.error(chat)) + ")", "add the bot to that chat (as an admin of a channel), or fix TELEGRAM_CHAT_ID");
                return;
            }
            JsonNode result = chat.path("result");
            String name = result.hasNonNull("title") ? result.path("title").asText() : result.path("username").asText("");
            report.pass("Telegram: the bot is in TELEGRAM_CHAT_ID=" + settings.telegram().chatId() + " (" + result.path("type").asText("?")
                    + (name.isEmpty() ? "" : " \"" + clean(name) + "\"") + ")");
            if (telegramTest) {
                JsonNode sent = api.sendMessage(settings.telegram().chatId(), "regolancer-orchestrator check: Telegram works");
                if (sent.path("ok").asBoolean()) {
                    report.pass("Telegram: test message sent");
                } else {
                    report.fail("Telegram: the test message was refused (" + clean(BotApi.error(sent)) + ")",
                            "let the bot post in that chat (a channel needs the bot as an admin)");
                }
            }
        } catch (IOException e) {
            report.fail("Telegram at " + settings.telegram().apiUrl() + " could not be reached: " + clean(e.getMessage()),
                    "check the network, and TELEGRAM_API_URL if you run your own Bot API server");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String clean(String text) {
        return CheckText.clean(secrets, text);
    }
}
