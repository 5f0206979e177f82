package org.regolancer.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.Await;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.FakeTelegram;
import org.regolancer.orchestrator.fixtures.Installation;

/**
 * The packaged jar against a Telegram that asks it to wait (429): every payment is announced exactly once, whether
 * the daemon ends after its single cycle or is stopped with SIGTERM and started again; the stop stays within 10 s,
 * and nothing but one line is logged for the waits.
 */
class NoticesAtStopIT {

    private Installation app;
    private FakeLndg lndg;
    private FakeTelegram telegram;

    @BeforeEach
    void install() throws IOException {
        app = new Installation(Installation.newFolder());
        lndg = new FakeLndg();
        telegram = new FakeTelegram();
        List<Map<String, Object>> channels = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            channels.add(source(i, "Source" + i));
            channels.add(target(10 + i, "Sink" + i));
        }
        lndg.withChannels(channels);
        Files.writeString(app.resolve("demo/standin-behaviour"), "* * success 0.1\n");
    }

    @AfterEach
    void close() {
        lndg.close();
        telegram.close();
    }

    private Map<String, String> env(boolean runForever) {
        Map<String, String> env = new HashMap<>();
        env.put("LNDG_BASE_URL", lndg.baseUrl());
        env.put("LNDG_USER", FakeLndg.USER);
        env.put("LNDG_PASS", FakeLndg.PASSWORD);
        env.put("TELEGRAM_API_URL", telegram.apiUrl());
        env.put("TELEGRAM_TOKEN", FakeTelegram.TOKEN);
        env.put("TELEGRAM_CHAT_ID", FakeTelegram.CHAT_ID);
        env.put("REGOLANCER_BIN", app.resolve("demo/regolancer").toString());
        env.put("ENABLE_DAILY_REPORT", "false");
        env.put("RUN_FOREVER", Boolean.toString(runForever));
        env.put("SLEEP_SECONDS", "1");
        return env;
    }

    /** The ledger's payments, each as the "source → target" its notice names. */
    private List<String> ledgerPairs() throws IOException {
        List<String> pairs = new ArrayList<>();
        for (String row : Files.readAllLines(app.resolve("data/rebalances.csv")).subList(1, Files.readAllLines(
                app.resolve("data/rebalances.csv")).size())) {
            String[] cells = row.split(",");
            pairs.add(cells[2] + " → " + cells[4]);
        }
        return pairs;
    }

    /** The notices Telegram took, each as the "source → target" line it names. */
    private List<String> announcedPairs() {
        List<String> pairs = new ArrayList<>();
        for (JsonNode message : telegram.delivered()) {
            pairs.add(message.path("text").asText().split("\n")[1]);
        }
        return pairs;
    }

    private static void sorted(List<String> list) {
        list.sort(String::compareTo);
    }

    @Test
    void aOneCycleRunWaitsOutTelegramsRetryAfterAndAnnouncesEveryPaymentOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            telegram.thenFail(429, FakeTelegram.tooManyRequests(1));
        }
        Process daemon = app.start(env(false));
        assertTrue(daemon.waitFor(90, TimeUnit.SECONDS), app.output());
        assertEquals(0, daemon.exitValue(), app.output());
        List<String> paid = ledgerPairs();
        assertEquals(5, paid.size(), "one payment into each target");
        List<String> announced = announcedPairs();
        sorted(paid);
        sorted(announced);
        assertEquals(paid, announced, "every payment announced, none twice");
        assertFalse(Files.exists(app.resolve("data/notices-pending.jsonl")), "nothing waited at the stop");
        assertFalse(app.output().contains("Exception") || app.output().contains("\tat "), app.output());
    }

    @Test
    void noticesTelegramMadeWaitWhenSigtermCameGoOutOnceAfterTheNextStart() throws Exception {
        telegram.rateLimiting(30);
        Process daemon = app.start(env(true));
        Path ledger = app.resolve("data/rebalances.csv");
        await(() -> Files.exists(ledger) && lines(ledger) >= 6, 60, "payments made");
        Instant stop = Instant.now();
        daemon.destroy();
        assertTrue(daemon.waitFor(10, TimeUnit.SECONDS), "stopped within 10 s of SIGTERM");
        System.out.println("SIGTERM to exit: " + Duration.between(stop, Instant.now()).toMillis() + " ms");
        assertTrue(telegram.delivered().isEmpty(), "Telegram took nothing while it asked to wait");
        List<String> paid = ledgerPairs();
        Path pending = app.resolve("data/notices-pending.jsonl");
        assertEquals(paid.size(), Files.readAllLines(pending).size(), "every notice waits for the next start");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(pending)));
        List<String> errors = Files.readAllLines(app.resolve("data/errors.log"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("[telegram] " + paid.size() + " payment notices were not sent before the stop"),
                errors.get(0));
        String firstOutput = app.output();
        assertFalse(firstOutput.contains("Exception") || firstOutput.contains("\tat "), firstOutput);

        telegram.stopRateLimiting();
        lndg.withChannels(List.of());
        Process again = app.start(env(true));
        try {
            await(() -> telegram.delivered().size() >= paid.size() && !Files.exists(pending), 30,
                    "the waiting notices went out and their file is gone");
            // the stop below sends or keeps whatever still waits: a notice sent twice would be seen after it
        } finally {
            Installation.stop(again);
        }
        List<String> announced = announcedPairs();
        sorted(paid);
        sorted(announced);
        assertEquals(paid, announced, "every payment announced once across the restart");
        assertFalse(Files.exists(pending));
    }

    private static long lines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (IOException e) {
            return 0;
        }
    }

    private void await(BooleanSupplier condition, int seconds, String what) throws Exception {
        assertTrue(Await.until(Duration.ofSeconds(seconds), condition::getAsBoolean), what + ":\n" + app.output());
    }
}
