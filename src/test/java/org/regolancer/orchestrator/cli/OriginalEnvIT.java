package org.regolancer.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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
import org.regolancer.orchestrator.fixtures.OriginalEnv;

/**
 * An operator of the Python orchestrator switches: its {@code .env.example} as shipped (v1.14), with their values filled
 * in, becomes the packaged daemon's {@code .env}, beside a {@code regolancer} (the stand-in) as in the original's folder.
 * Each key of it, point by point: {@code SEND_REBALANCE_MSG_REGO_ORCH=TRUE} announces our payments,
 * {@code SEND_REBALANCE_MSG_LNDG=TRUE} LNDg's own completed rebalances (never the backlog), the LightningOS keys it sets
 * to something that would matter are named once with what to do instead, none of its keys is taken for unknown, no key
 * of the ladder fell back (it sets them all); without its DRY_RUN line start-up stops in one line; {@code check} names a
 * typo with the key it is close to and the .env it read.
 */
class OriginalEnvIT {

    private Installation app;
    private FakeLndg lndg;
    private FakeTelegram telegram;

    @BeforeEach
    void install() throws IOException {
        app = new Installation(Installation.newFolder());
        // the original's folder holds its regolancer binary; here the stand-in, paying on every run
        Files.copy(Path.of("demo/regolancer"), app.resolve("regolancer"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(app.resolve("standin-behaviour"), "* * success\n");
        // internals, not settings: LNDg's completed rebalances read every second rather than every 30 s
        Files.writeString(app.resolve("application.properties"), Files.readString(app.resolve("application.properties"))
                .replace("lndg-notices.period-ms=30000", "lndg-notices.period-ms=1000"));
        lndg = new FakeLndg().withChannels(List.of(source(1, "S1"), target(11, "T1")))
                .withRebalanceJob(40, "Backlog", naive(Instant.now().minusSeconds(900)), 70_000, 2.0, 2);
        telegram = new FakeTelegram();
    }

    @AfterEach
    void close() {
        lndg.close();
        telegram.close();
    }

    private static String naive(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC).toString();
    }

    /** The original's .env.example as shipped, with an operator's values in its empty and address lines. */
    private String filledIn() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("LNDG_BASE_URL", lndg.baseUrl());
        values.put("LNDG_USER", FakeLndg.USER);
        values.put("LNDG_PASS", FakeLndg.PASSWORD);
        values.put("TELEGRAM_TOKEN", FakeTelegram.TOKEN);
        values.put("TELEGRAM_CHAT_ID", FakeTelegram.CHAT_ID);
        return OriginalEnv.filledIn(values);
    }

    /** What the .env.example cannot say: where the stand-in Telegram listens. */
    private Map<String, String> environment() {
        return Map.of("TELEGRAM_API_URL", telegram.apiUrl());
    }

    private List<String> texts() {
        return telegram.deliveredTo(FakeTelegram.CHAT_ID).stream().map(m -> m.path("text").asText()).toList();
    }

    private static boolean await(Duration max, BooleanSupplier condition) throws Exception {
        return Await.until(max, condition::getAsBoolean);
    }

    private String output() {
        try {
            return app.output();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theOriginalsEnvExampleRunsTheDaemonKeyByKey() throws Exception {
        Files.writeString(app.resolve(".env"), filledIn());
        Process daemon = app.start(environment());
        try {
            assertTrue(await(Duration.ofSeconds(60), () -> texts().stream().anyMatch(t -> t.startsWith("⚖️ <b>Rebalanced 15,000 sat"))),
                    "SEND_REBALANCE_MSG_REGO_ORCH=TRUE: our payment announced, AMOUNT_INITIAL=15000 its amount: " + texts()
                            + "\n" + output());
            assertTrue(await(Duration.ofSeconds(30), () -> Files.exists(app.resolve("data/lndg-notices.txt"))),
                    "SEND_REBALANCE_MSG_LNDG=TRUE: LNDg's baseline read and kept");
            lndg.withRebalanceJob(41, "Fresh & New", naive(Instant.now()), 250_000, 25.0, 2);
            assertTrue(await(Duration.ofSeconds(30), () -> texts().stream().anyMatch(t -> t.startsWith("☯️ <b>LNDg rebalanced"))),
                    "LNDg's completed rebalance announced: " + texts());
            List<String> lndgTexts = texts().stream().filter(t -> t.startsWith("☯️")).toList();
            assertEquals(List.of("☯️ <b>LNDg rebalanced 250,000 sat</b>\n→ Fresh &amp; New\nfee 25 sat · 100 ppm"), lndgTexts,
                    "the backlog's job 40 is not announced");

            String out = output();
            assertTrue(out.contains("WARN LightningOS keys set, not acted on by this daemon: SEND_SYNC_TO_LNDG_CHANGES_TELEGRAM, "
                    + "SEND_SYNC_TO_LNDG_ERROR_TELEGRAM; for the LightningOS → LNDg sync, run the Python orchestrator's "
                    + "sync_los_to_lndg.sh from cron or a systemd timer (it reads the same .env)"), out);
            assertEquals(1, out.lines().filter(l -> l.contains("LightningOS keys")).count(), "one line");
            assertFalse(out.contains("does not know"), "every key of the original's .env is known: " + out);
            assertFalse(out.contains("lacks"), "it sets DRY_RUN, MAX_WORKERS and the ladder: nothing fell back");
            assertTrue(out.contains("WARN DATA_DIR=./data is relative: it is " + app.resolve("data")), out);
            assertTrue(out.contains("regolancer-orchestrator started: LNDg " + lndg.baseUrl() + ", 2 workers, cycle limit 300 s, "
                    + "sleep 15 s, amounts from 15000 sat"), out);
            assertTrue(out.contains(": 2 open channels (2 active), 1 pair, 1 to run"), "LOG_OPERATIONAL=TRUE: " + out);
            assertFalse(out.contains(FakeLndg.PASSWORD) || out.contains(FakeTelegram.TOKEN));
        } finally {
            Installation.stop(daemon);
        }
        assertTrue(Files.readAllLines(app.resolve("data/rebalances.csv")).size() >= 2, "DRY_RUN=false: real payments");
    }

    @Test
    void theOriginalsEnvWithoutItsDryRunLineStopsStartUpInOneLine() throws Exception {
        Files.writeString(app.resolve(".env"), OriginalEnv.without(filledIn(), "DRY_RUN"));
        Process daemon = app.start(environment());
        assertTrue(daemon.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, daemon.exitValue());
        assertEquals("regolancer-orchestrator: DRY_RUN is not set in " + app.resolve(".env") + ", the Python orchestrator's "
                + ".env, where a missing DRY_RUN meant a dry run (here: real payments); accepted: DRY_RUN=true or "
                + "DRY_RUN=false in it\n", output());
        assertFalse(Files.exists(app.resolve("data")), "nothing started");
    }

    @Test
    void checkNamesATypoWithTheKeyItIsCloseToAndTheEnvItRead() throws Exception {
        Files.writeString(app.resolve(".env"), OriginalEnv.without(filledIn(), "MAX_WORKERS") + "MAX_WORKER=3\n");
        String checked = check(environment());
        assertTrue(checked.contains(": settings from " + app.resolve("application.properties") + ", " + app.resolve(".env")
                + " and the environment\n"), checked);
        assertTrue(checked.contains("  " + app.resolve(".env") + " has a key this daemon does not know, ignored: MAX_WORKER (did "
                + "you mean MAX_WORKERS?)\n    → correct a misspelt key"), checked);
        assertTrue(checked.contains("  " + app.resolve(".env") + " is the Python orchestrator's .env and lacks MAX_WORKERS: this "
                + "daemon's defaults apply, not the original's: MAX_WORKERS=2 (there 1)"), checked);
        assertTrue(checked.contains("  LightningOS keys set, not acted on by this daemon"), checked);

        Files.delete(app.resolve(".env"));
        String withoutEnv = check(Map.of("LNDG_USER", FakeLndg.USER, "LNDG_PASS", FakeLndg.PASSWORD,
                "LNDG_BASE_URL", lndg.baseUrl()));
        assertTrue(withoutEnv.contains(": settings from " + app.resolve("application.properties")
                + ", the environment (no .env)\n"), withoutEnv);
        assertFalse(withoutEnv.contains("does not know") || withoutEnv.contains("LightningOS"), withoutEnv);
        assertTrue(withoutEnv.contains("✓ LNDg at " + lndg.baseUrl() + ": reachable, login and host accepted, 2 open channels "
                + "(2 active)"), "counted as the log counts: " + withoutEnv);
    }

    private String check(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Installation.jarCommand("check")).directory(app.folder().toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.matches("[A-Z][A-Z0-9_]*") && !k.equals("PATH") && !k.equals("HOME")
                && !k.startsWith("JAVA") && !k.equals("LANG"));
        builder.environment().putAll(env);
        Process check = builder.start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        return out;
    }
}
