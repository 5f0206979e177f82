package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeTelegram;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * Telegram commands against the stand-in Bot API (long polls of 1 s): each command's answer, only from
 * TELEGRAM_CHAT_ID (and in a group only from TELEGRAM_COMMAND_USERS), never when old, a pause that lets the run going
 * on finish and is kept in DATA_DIR, a 409 that is one errors.log line.
 */
class TelegramCommandsRouteTest extends DaemonRouteTestSupport {

    private static final String CHAT = FakeTelegram.CHAT_ID;

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("telegram.poll-seconds", "1");
        properties.put("telegram.poll-delay-ms", "50");
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 2");
    }

    @Override
    protected Map<String, String> settings() {
        // paused cycles run nothing, so they fetch at LNDg's refresh interval: 1 s here, to see fetching go on
        return Map.of("TELEGRAM_COMMANDS", "true", "TELEGRAM_COMMAND_USERS", "42", "SEND_REBALANCE_MSG", "false",
                "SLEEP_SECONDS", "0", "LNDG_REFRESH_SECONDS", "1");
    }

    private List<String> answers() {
        return telegram.deliveredTo(CHAT).stream().map(m -> m.path("text").asText()).toList();
    }

    private String nextAnswer(int before) throws InterruptedException {
        assertTrue(await(Duration.ofSeconds(10), () -> answers().size() > before), "an answer within 10 s: " + answers());
        return answers().get(before);
    }

    @Test
    void statusHelpAndTheBotsOwnNameAreAnsweredInTheChat() throws Exception {
        assertTrue(await(Duration.ofSeconds(15), () -> stats().getSuccesses() >= 1), "a payment first");
        Instant asked = Instant.now();
        telegram.userSends("/status", CHAT, "channel", null, 0);
        String status = nextAnswer(0);
        assertTrue(Duration.between(asked, Instant.now()).toMillis() < 5000, "within 5 s");
        assertTrue(status.startsWith("▶️ <b>Running</b>\nLast cycle: "), status);
        assertTrue(status.matches("(?s).*Today: (1 payment|[02-9]\\d* payments|1\\d+ payments), .*")
                && status.contains("Pairs resting after failed runs: 0")
                && status.contains("Targets over their refill budget: 0\n") && status.contains("LNDg: no failure since start"), status);
        assertEquals("HTML", telegram.deliveredTo(CHAT).get(0).path("parse_mode").asText());

        telegram.userSends("/help@" + FakeTelegram.BOT_NAME, CHAT, "channel", null, 0);
        assertTrue(nextAnswer(1).contains("/pause – start no new regolancer run"), answers().toString());
        telegram.userSends("/status@SomeOtherBot", CHAT, "channel", null, 0);
        telegram.userSends("/nonsense", CHAT, "channel", null, 0);
        assertTrue(nextAnswer(2).startsWith("Unknown command /nonsense."), "the other bot's command is not ours: " + answers());
    }

    @Test
    void otherChatsOtherGroupMembersAndOldCommandsAreIgnored() throws Exception {
        NotifyBuilder allRead = new NotifyBuilder(context).fromRoute("telegram-commands").whenDone(4).create();
        telegram.userSends("/status", "-1009999999999", "supergroup", 42L, 0);
        telegram.userSends("/status", CHAT, "supergroup", 43L, 0);
        telegram.userSends("/status", CHAT, "channel", null, 600);
        telegram.userSends("/help", CHAT, "supergroup", 42L, 0);
        String answer = nextAnswer(0);
        assertTrue(answer.startsWith("<b>regolancer-orchestrator</b>"), "only the listed user's /help: " + answer);
        assertTrue(allRead.matches(10, TimeUnit.SECONDS), "the four messages were read");
        assertEquals(1, answers().size(), answers().toString());
        assertTrue(telegram.deliveredTo("-1009999999999").isEmpty());
    }

    @Test
    void reportSendsTodaySoFarWithItsChartAndMarksNothing() throws Exception {
        telegram.userSends("/report", CHAT, "channel", null, 0);
        assertTrue(nextAnswer(0).startsWith("📊 Building today's report so far"), answers().toString());
        assertTrue(await(Duration.ofSeconds(30), () -> answers().size() >= 2 && telegram.photos().size() == 1), answers().toString());
        assertTrue(answers().get(1).startsWith("📊 <b>Rebalancing report, "), answers().get(1));
        assertTrue(answers().get(1).contains("day so far"), answers().get(1));
        assertFalse(Files.exists(dataDir.resolve("daily-report.sent")), "the day is not marked sent");
    }

    @Test
    void pauseLetsTheRunGoingOnFinishStartsNoOtherAndResumeGoesOn() throws Exception {
        assertTrue(await(Duration.ofSeconds(15), () -> !regolancer.runs().isEmpty()), "a run going on");
        telegram.userSends("/pause", CHAT, "channel", null, 0);
        assertTrue(nextAnswer(0).startsWith("⏸ <b>Paused</b>"), answers().toString());
        assertTrue(Files.exists(dataDir.resolve("paused")), "kept in DATA_DIR for a restart");
        assertTrue(stats().isPaused());
        int runs = regolancer.runs().size();
        assertTrue(await(Duration.ofSeconds(10), () -> regolancer.runs().stream().allMatch(StandinRegolancer.Run::ended)
                && ledgerLines().size() - 1 == regolancer.payments()), "the run going on finished and its payment is recorded");
        long cycles = stats().getCycles();
        assertTrue(await(Duration.ofSeconds(10), () -> stats().getCycles() >= cycles + 3), "fetching and planning go on");
        assertEquals(runs, regolancer.runs().size(), "no run started while paused");

        telegram.userSends("/status", CHAT, "channel", null, 0);
        assertTrue(nextAnswer(1).startsWith("⏸ <b>Paused</b> since "), answers().toString());
        telegram.userSends("/resume", CHAT, "channel", null, 0);
        assertTrue(nextAnswer(2).startsWith("▶️ <b>Resumed</b>"), answers().toString());
        assertFalse(Files.exists(dataDir.resolve("paused")));
        assertTrue(await(Duration.ofSeconds(15), () -> regolancer.runs().size() > runs), "runs again");
    }

    @Test
    void aConflictWithAnotherPollerIsOneErrorLineAndCommandsWorkAfter() throws Exception {
        String conflict = "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other getUpdates request; "
                + "make sure that only one bot instance is running\"}";
        for (int i = 0; i < 3; i++) {
            telegram.thenFailPolls(409, conflict);
        }
        assertTrue(await(Duration.ofSeconds(20), () -> telegram.polls() >= 4), "polls go on after the conflict");
        telegram.userSends("/help", CHAT, "channel", null, 0);
        nextAnswer(0);
        List<String> errors = errorLines().stream().filter(l -> !l.contains("recovered after")).toList();
        assertEquals(1, errors.size(), "three conflicts, one line: " + errorLines());
        assertTrue(errors.get(0).contains("[telegram-commands] commands cannot be received: Telegram answered 409: Conflict")
                && errors.get(0).contains("another program polls this bot"), errors.get(0));
        assertTrue(stats().getSuccesses() >= 1, "the cycle never noticed");
    }
}
