package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.management.remote.JMXConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeTelegram;
import org.regolancer.orchestrator.fixtures.Listening;
import org.regolancer.orchestrator.fixtures.RemoteJmx;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;
import org.regolancer.orchestrator.settings.Settings;

/**
 * Telegram failing every way at once, with everything that could show the bot token switched on (health and metrics,
 * JMX, commands, the report, payment notices): getUpdates answered 502, then 409, then not at all within the client's
 * time limit; every sendMessage and sendPhoto answered 500. The token is in no endpoint's answer, no MBean attribute,
 * no log line and no file; readiness stays UP; the report whose text was refused is not marked sent, and once only its
 * chart is refused, it is.
 */
class TelegramFailingEveryWayRouteTest extends DaemonRouteTestSupport {

    private static final int MANAGEMENT = Listening.freePort();
    private static final int JMX = Listening.freePort();
    /** The token's secret part: camel-telegram's messages carry it as /bot&lt;TOKEN&gt;/. */
    private static final String TOKEN = FakeTelegram.TOKEN.substring(FakeTelegram.TOKEN.indexOf(':') + 1);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private Path jmxPasswords;

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.putAll(Settings.managementProperties(MANAGEMENT));
        properties.put("telegram.poll-seconds", "1");
        properties.put("telegram.poll-delay-ms", "50");
        properties.put("telegram.retry-delay-ms", "50");
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        Assumptions.assumeTrue(java.time.LocalTime.now(ZoneOffset.UTC).isBefore(java.time.LocalTime.of(23, 58)),
                "not across midnight");
        // everything the daemon logs from its start, through the guard it installs over this
        originalErr = System.err;
        System.setErr(new PrintStream(new TeeStream(originalErr, logged), true, StandardCharsets.UTF_8));
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.1");
        jmxPasswords = RemoteJmx.passwordFile(work);
        telegram.failing("sendMessage", 500, FakeTelegram.INTERNAL_ERROR).failing("sendPhoto", 500, FakeTelegram.INTERNAL_ERROR)
                .thenFailPolls(502, "<html><body>502 Bad Gateway</body></html>")
                .thenFailPolls(409, "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other "
                        + "getUpdates request; make sure that only one bot instance is running\"}")
                // the poll's client waits telegram.poll-seconds + 10 s
                .thenStallPolls(12_000)
                .userSends("/status", FakeTelegram.CHAT_ID, "channel", null, 0);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("MANAGEMENT_PORT", Integer.toString(MANAGEMENT), "JMX_PORT", Integer.toString(JMX),
                "JMX_PASSWORD_FILE", jmxPasswords.toString(), "TELEGRAM_COMMANDS", "true", "REPORT_CRON", "0/2 * * * * ?",
                "REPORT_TIMEZONE", "UTC");
    }

    @AfterEach
    void giveBackStandardError() {
        if (originalErr != null) {
            System.setErr(originalErr);
        }
    }

    @Test
    void theTokenIsNowhereWhileTelegramFailsAndTheReportIsSentOnlyOnceItsTextWent() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        // readiness asked all along, as a monitor would, while the polls fail
        List<HttpResponse<String>> readiness = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ScheduledExecutorService monitor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        monitor.scheduleWithFixedDelay(() -> {
            try {
                readiness.add(get("/observe/health/ready"));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, 0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertTrue(await(Duration.ofSeconds(60), () -> errors("a command could not be answered: Telegram answered 500")
                && errors("commands cannot be received: request timed out")
                && errors("[report] daily report for " + today + " failed: Telegram answered 500: Internal Server Error")
                && errors("message not sent after 4 attempts: Telegram answered 500: Internal Server Error")),
                "the poll failed three ways, then /status's answer, the report and the payment notices were refused: "
                        + errorLines());
        assertTrue(errors("commands cannot be received: Telegram answered 502"), errorLines().toString());
        assertTrue(errors("Telegram answered 409: Conflict"), errorLines().toString());
        assertTrue(telegram.polls() >= 4, "polls went on after the failures");
        assertTrue(stats().getSuccesses() > 0, "and so did the payments");
        assertEquals("", reportSentMarker(), "a report whose text was refused is not marked sent");

        monitor.shutdownNow();
        assertTrue(readiness.size() > 50, "readiness was asked while the polls failed: " + readiness.size());
        for (HttpResponse<String> ready : readiness) {
            assertEquals(200, ready.statusCode(), "Telegram trouble leaves the daemon ready: " + ready.body());
        }
        List<String> answers = new ArrayList<>();
        readiness.forEach(ready -> answers.add(ready.body()));
        for (String path : List.of("/observe/health", "/observe/health/ready", "/observe/health/live", "/observe/metrics")) {
            answers.add(get(path).body());
        }
        String health = answers.get(readiness.size());
        assertTrue(health.contains("\"name\":\"rebalancing\""), "our readiness check answers: " + health);
        try (JMXConnector jmx = RemoteJmx.connect(JMX, new String[] {RemoteJmx.ROLE, RemoteJmx.PASSWORD})) {
            answers.addAll(RemoteJmx.everyAttribute(jmx.getMBeanServerConnection()));
        }
        assertTrue(answers.stream().anyMatch(a -> a.contains("org.apache.camel:") && a.contains("type=health")),
                "Camel's health MBean was read too");
        assertFalse(String.join("\n", answers).contains(TOKEN), "no endpoint answer and no MBean attribute holds the token");

        // the text goes through now, the chart does not: the day counts as sent, the chart's failure is one line
        telegram.heal("sendMessage");
        assertTrue(await(Duration.ofSeconds(20), () -> reportSentMarker().equals(today)), "sent once the text went");
        assertTrue(errors("[report] the chart could not be sent, the text was: Telegram answered 500: Internal Server Error"),
                errorLines().toString());
        assertTrue(telegram.paths().stream().filter(p -> p.endsWith("/sendPhoto")).count() >= 1, "the chart was tried");

        String log = logged.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("[report] daily report for " + today + " failed: Telegram answered 500"),
                "the log was captured: " + log);
        assertFalse(log.contains(TOKEN), "no log line holds the token:\n" + log);
        assertFalse(log.contains("Failed delivery") || log.contains("\tat "), "no stack trace for Telegram's failures:\n" + log);
        for (String line : errorLines()) {
            assertFalse(line.contains(TOKEN) || line.contains("/bot"), "no request URI in errors.log: " + line);
        }
        try (var files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(TOKEN), file.toString());
            }
        }
    }

    private boolean errors(String text) {
        return errorLines().stream().anyMatch(l -> l.contains(text));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + MANAGEMENT + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Writes to the real standard error and keeps a copy. */
    private static final class TeeStream extends java.io.OutputStream {
        private final PrintStream out;
        private final ByteArrayOutputStream copy;

        TeeStream(PrintStream out, ByteArrayOutputStream copy) {
            this.out = out;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            out.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            out.write(bytes, offset, length);
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
        }
    }
}
