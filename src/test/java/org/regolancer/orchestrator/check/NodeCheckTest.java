package org.regolancer.orchestrator.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.FakeTelegram;
import org.regolancer.orchestrator.fixtures.Listening;
import org.regolancer.orchestrator.settings.SettingsLoader;

/**
 * {@code check} against the stand-ins: every item ✓ on a node set up right, and each mistake an operator makes the
 * right ✗ line with what to do; nothing is ever written.
 */
class NodeCheckTest {

    @TempDir
    Path dir;

    private FakeLndg lndg;
    private FakeTelegram telegram;
    private ServerSocket lnd;
    private Path macaroons;

    @BeforeEach
    void aNodeSetUpRight() throws IOException {
        lndg = new FakeLndg();
        Map<String, Object> busy = source(3, "Busy");
        busy.put("htlc_count", 6);
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2"), busy, target(11, "T1"), target(12, "T2")));
        telegram = new FakeTelegram();
        lnd = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Path lndDir = Files.createDirectories(dir.resolve("lnd"));
        Files.writeString(lndDir.resolve("tls.cert"), "-----BEGIN CERTIFICATE-----\n");
        macaroons = Files.createDirectories(lndDir.resolve("data/chain/bitcoin/mainnet"));
        Files.writeString(macaroons.resolve("admin.macaroon"), "macaroon");
        Files.createDirectories(dir.resolve("cache"));
        template("127.0.0.1:" + lnd.getLocalPort());
        Path bin = Files.createDirectories(dir.resolve("bin")).resolve("regolancer");
        Files.copy(Path.of("demo/regolancer"), bin, StandardCopyOption.REPLACE_EXISTING);
        bin.toFile().setExecutable(true);
    }

    private void template(String connect) throws IOException {
        Files.writeString(dir.resolve("config.template.json"), "{\"connect\":\"" + connect + "\",\"tlscert\":\""
                + dir.resolve("lnd/tls.cert") + "\",\"macaroon_dir\":\"" + macaroons + "\",\"macaroon_filename\":\"admin.macaroon\","
                + "\"node_cache_filename\":\"" + dir.resolve("cache/cache.dat") + "\",\"econ_ratio\":0.9,\"amount\":50000}");
    }

    @AfterEach
    void close() throws IOException {
        lndg.close();
        telegram.close();
        lnd.close();
    }

    private Map<String, String> settings() throws IOException {
        Properties defaults = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("application.properties"), StandardCharsets.UTF_8)) {
            defaults.load(reader);
        }
        Map<String, String> raw = new HashMap<>();
        defaults.stringPropertyNames().forEach(k -> raw.put(k, defaults.getProperty(k)));
        raw.put("LNDG_BASE_URL", lndg.baseUrl());
        raw.put("LNDG_USER", FakeLndg.USER);
        raw.put("LNDG_PASS", FakeLndg.PASSWORD);
        raw.put("TELEGRAM_API_URL", telegram.apiUrl());
        raw.put("TELEGRAM_TOKEN", FakeTelegram.TOKEN);
        raw.put("TELEGRAM_CHAT_ID", FakeTelegram.CHAT_ID);
        raw.put("REGOLANCER_BIN", dir.resolve("bin/regolancer").toString());
        raw.put("CONFIG_TEMPLATE", dir.resolve("config.template.json").toString());
        raw.put("DATA_DIR", dir.resolve("data").toString());
        return raw;
    }

    private CheckReport check(Map<String, String> raw, boolean telegramTest) throws IOException {
        List<String> before = files();
        SettingsLoader.ForCheck loaded = SettingsLoader.forCheck(raw::get, dir, false);
        CheckReport report = new NodeCheck(loaded.settings(), loaded.fileProblems(), telegramTest, Clock.systemUTC()).run();
        assertEquals(before, files(), "check writes nothing (DATA_DIR not even created)");
        assertFalse(String.join("\n", text(report)).contains(FakeLndg.PASSWORD)
                || String.join("\n", text(report)).contains(FakeTelegram.TOKEN), "no secret printed");
        return report;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(Path::toString).sorted().toList();
        }
    }

    private static List<String> text(CheckReport report) {
        return report.lines().stream().map(CheckReport.Line::render).toList();
    }

    private static String failure(CheckReport report) {
        List<String> failed = report.lines().stream().filter(l -> l.kind() == CheckReport.Kind.FAIL)
                .map(CheckReport.Line::render).toList();
        assertEquals(1, failed.size(), "one ✗, for the one mistake: " + String.join("\n", text(report)));
        assertEquals(1, report.exitCode());
        return failed.get(0);
    }

    @Test
    void aNodeSetUpRightPassesEveryItemAndChangesNothing() throws IOException {
        CheckReport report = check(settings(), false);
        List<String> lines = text(report);
        assertEquals(0, report.exitCode(), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ LNDg at " + lndg.baseUrl() + ": reachable, login and host "
                + "accepted, 5 open channels (5 active), every field the daemon reads present")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ LNDg login session: one login, then LNDg's API is asked with "
                + "the session")), String.join("\n", lines));
        assertEquals(1, lndg.login().logins());
        assertEquals(0, lndg.login().basicAuthentications(), "no request made LNDg hash the password but the login");
        assertTrue(lines.contains("✓ fee policy lndg: LNDg's AR-MaxFeeRate 500 ppm caps every target; MAX_FEE_PPM off (0): no ceiling of our own "
                + "over the fee limits"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("Busy") && l.contains("neither") && l.contains("6 pending HTLCs")));
        assertTrue(lines.stream().anyMatch(l -> l.contains(" T1 ") && l.contains("target") && l.contains("fee cap 65 ppm")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ pairing: 6 pairs by LNDg's rules, 4 to run now; not now: "
                + "2 with too many pending HTLCs; 0 resting")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ regolancer: ") && l.endsWith(" is Regolancer v1.12.3-standin")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ LND's macaroon")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ LND's gRPC at 127.0.0.1:" + lnd.getLocalPort())));
        assertTrue(lines.contains("✓ Telegram: token valid, the bot is @" + FakeTelegram.BOT_NAME));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ Telegram: the bot is in TELEGRAM_CHAT_ID=" + FakeTelegram.CHAT_ID)));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ DATA_DIR=" + dir.resolve("data") + " will be created")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ time: ") && l.contains("next daily report")));
        assertTrue(telegram.delivered().isEmpty(), "no message without --telegram-test");
    }

    @Test
    void thePairingTableShowsEachTargetsRefillBooksAndWhoIsOverBudget() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/rebalances.csv"),
                "time_utc,source_chan_id,source_alias,target_chan_id,target_alias,amount_sat,fee_msat,fee_ppm\n"
                        + java.time.Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ","
                        + chanId(1) + ",S1," + chanId(11) + ",T1,1000000,1200000,1200\n");
        lndg.withForward(1, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusHours(1).withNano(0).toString(),
                100_000_000, 500.0, chanId(12));
        List<String> lines = text(check(settings(), false));
        assertTrue(lines.contains("✓ refill budget: 100 % of each target's earnings + 1000 sat over 30 days; books from the "
                + "ledger, 1 forward and 0 LNDg rebalancer jobs"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains(" T1 ") && l.endsWith("; refills paid 1200 / earned 0 / allowed "
                + "1000 sat (over budget: not run)")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains(" T2 ") && l.endsWith("; refills paid 0 / earned 500 / allowed 1500 sat")),
                String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ pairing: 6 pairs by LNDg's rules, 2 to run now; not now: "
                + "2 with too many pending HTLCs, 2 into a target over its refill budget;")), String.join("\n", lines));
    }

    @Test
    void remoteJmxWithoutAPasswordFileIsACrossAndWithOneATick() throws IOException {
        Map<String, String> raw = settings();
        raw.put("JMX_PORT", "9010");
        assertTrue(failure(check(raw, false)).startsWith("✗ JMX_PORT=9010 is set without JMX_PASSWORD_FILE (without one any "
                + "local user could connect): remote JMX on 127.0.0.1:9010 is off; accepted: "));

        Path file = org.regolancer.orchestrator.fixtures.RemoteJmx.passwordFile(dir);
        raw.put("JMX_PASSWORD_FILE", file.toString());
        List<String> lines = text(check(raw, false));
        assertTrue(lines.contains("✓ remote JMX: 127.0.0.1:9010 for the users of JMX_PASSWORD_FILE=" + file
                + " (owner-only), every one read-only"), String.join("\n", lines));

        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(failure(check(raw, false)).startsWith("✗ JMX_PASSWORD_FILE=" + file + " is open to others (rw-r--r--;"));
    }

    @Test
    void telegramTestSendsOneMessage() throws IOException {
        assertEquals(0, check(settings(), true).exitCode());
        assertEquals(1, telegram.delivered().size());
        assertEquals("regolancer-orchestrator check: Telegram works", telegram.delivered().get(0).path("text").asText());
    }

    @Test
    void lndgRefusingTheHostNamesAllowedHosts() throws IOException {
        lndg.thenAnswer(new FakeLndg.Answer(400, "text/html", "<!doctype html><html><head><title>Bad Request (400)</title>"
                + "</head><body><h1>Bad Request (400)</h1></body></html>", 0));
        String line = failure(check(settings(), false));
        assertTrue(line.startsWith("✗ LNDg at " + lndg.baseUrl() + ": LNDg /api/channels/ answered HTTP 400 (Bad Request (400))\n"
                + "    → LNDg refuses the host name; its ALLOWED_HOSTS"), line);
    }

    @Test
    void anLndgWithoutALoginPageIsInformationWithWhatToDoNotAFailure() throws IOException {
        lndg.login().mode(org.regolancer.orchestrator.demo.DjangoLogin.Mode.NO_LOGIN_PAGE);
        CheckReport report = check(settings(), false);
        List<String> lines = text(report);
        assertEquals(0, report.exitCode(), String.join("\n", lines));
        String line = lines.stream().filter(l -> l.contains("Basic auth on every request")).findFirst().orElseThrow();
        assertTrue(line.startsWith("  LNDg: Basic auth on every request (LNDg has no login page at " + lndg.baseUrl()
                + "/lndg-admin/login/ (HTTP 404)): LNDg hashes the password for each request\n    → LNDG_BASE_URL must be "
                + "LNDg's own address"), line);
        assertTrue(lndg.login().basicAuthentications() >= 2, "channels and settings with Basic auth");
    }

    @Test
    void lndgRefusingTheLoginSaysCheckUserAndPassword() throws IOException {
        // the login page refuses the form; the request itself, sent with Basic auth, gets LNDg's 401 (as before logins)
        Map<String, String> raw = settings();
        raw.put("LNDG_PASS", "wrong-password");
        String line = failure(check(raw, false));
        assertTrue(line.contains("answered HTTP 401 (Invalid username/password.)") && line.contains("→ LNDg refused the login; "
                + "check LNDG_USER and LNDG_PASS"), line);
    }

    @Test
    void aLoginPageAProxyClosesIsInformationAndEachRefusalOfBasicAuthNamesWhoRefused() throws IOException {
        lndg.login().mode(org.regolancer.orchestrator.demo.DjangoLogin.Mode.LOGIN_PAGE_FORBIDDEN);
        String fallback = "  LNDg: Basic auth on every request (LNDg's login page " + lndg.baseUrl() + "/lndg-admin/login/ "
                + "answered HTTP 403 (a proxy that keeps LNDg's admin pages closed?)): LNDg hashes the password for each "
                + "request\n    → a proxy in front of LNDg must pass /lndg-admin/login/ through to it";
        CheckReport works = check(settings(), false);
        assertEquals(0, works.exitCode(), String.join("\n", text(works)));
        assertTrue(text(works).contains(fallback), String.join("\n", text(works)));

        // the same node with a wrong password: LNDg's own 401 to the Basic request
        Map<String, String> raw = settings();
        raw.put("LNDG_PASS", "wrong-password");
        CheckReport wrong = check(raw, false);
        assertTrue(failure(wrong).contains("answered HTTP 401 (Invalid username/password.)\n    → LNDg refused the login; "
                + "check LNDG_USER and LNDG_PASS"), failure(wrong));
        assertTrue(text(wrong).contains(fallback), "why the request went with Basic auth: " + String.join("\n", text(wrong)));

        // a proxy with a login of its own that does not take LNDg's user and password: its 401, not LNDg's
        lndg.login().behindProxyLogin("proxy-user", "proxy-password");
        CheckReport proxy = check(settings(), false);
        assertTrue(failure(proxy).contains("answered HTTP 401 (401 Authorization Required)\n    → not LNDg's answer (LNDg's "
                + "API answers with a JSON detail): something in front of LNDg (a proxy with a login of its own?)"), failure(proxy));
        assertTrue(text(proxy).stream().anyMatch(l -> l.startsWith("  LNDg: Basic auth on every request (LNDg's login page "
                + lndg.baseUrl() + "/lndg-admin/login/ answered HTTP 401")), String.join("\n", text(proxy)));
    }

    @Test
    void lndgBehindHttpsIsCheckedWithLndgTlsCertAndItsAbsenceNamed() throws Exception {
        org.regolancer.orchestrator.fixtures.TlsCertificate cert = org.regolancer.orchestrator.fixtures.TlsCertificate
                .generate(dir.resolve("tls"), "lndg-check", "ip:127.0.0.1");
        try (FakeLndg https = FakeLndg.overHttps(cert.serverContext())) {
            https.withChannels(List.of(source(1, "S1"), target(11, "T1")));
            Map<String, String> raw = settings();
            raw.put("LNDG_BASE_URL", https.baseUrl());
            raw.put("LNDG_TLS_CERT", cert.pem().toString());
            CheckReport trusted = check(raw, false);
            assertTrue(text(trusted).stream().anyMatch(l -> l.startsWith("✓ LNDg at " + https.baseUrl() + ": reachable (its "
                    + "certificate trusted through LNDG_TLS_CERT=" + cert.pem() + "), login and host accepted, 2 open channels")),
                    String.join("\n", text(trusted)));
            assertEquals(0, trusted.exitCode(), String.join("\n", text(trusted)));

            raw.put("LNDG_TLS_CERT", "");
            String line = failure(check(raw, false));
            assertTrue(line.startsWith("✗ LNDg at " + https.baseUrl() + ": LNDg /api/channels/ could not be reached ("
                    + https.baseUrl() + "): its certificate is not trusted (no certification path to a trusted certificate)\n"
                    + "    → set LNDG_TLS_CERT to the PEM certificate the https proxy in front of LNDg serves"), line);
        }
    }

    @Test
    void lndgsCleaningOfLndsFailedPaymentsIsReadFromItsSettingsWithItsDefaults() throws IOException {
        String off = "  LND's failed payments: LNDg does not delete them (LND-CleanPayments 0, LNDg's default): every "
                + "regolancer run that finds no route leaves a failed payment in LND's channel.db, which then grows for good\n"
                + "    → turn it on in LNDg: its Advanced page (/advanced/), local settings \"LND Clean Payments\" 1 and \"LND "
                + "Retention\" the days to keep them (30 by default); the settings LND-CleanPayments=1 and LND-RetentionDays of "
                + "LNDg's /api/settings/ (README: Run it for years)";
        CheckReport report = check(settings(), false);
        assertTrue(text(report).contains(off), String.join("\n", text(report)));
        assertEquals(0, report.exitCode(), "information, not a failure");

        lndg.withSetting("LND-CleanPayments", null).withSetting("LND-RetentionDays", null);
        assertTrue(text(check(settings(), false)).contains(off), "no rows: LNDg's default, off");

        lndg.withSetting("LND-CleanPayments", "1").withSetting("LND-RetentionDays", "14");
        Map<String, String> template = settings();
        template.put("FEE_POLICY", "template");
        List<String> on = text(check(template, false));
        assertTrue(on.contains("✓ LND's failed payments: LNDg deletes them after 14 days (LND-CleanPayments 1): what failed "
                + "runs leave does not pile up in LND's channel.db"), "read under either fee policy: " + String.join("\n", on));

        lndg.withSetting("LND-CleanPayments", "yes");
        assertTrue(text(check(settings(), false)).stream().anyMatch(l -> l.startsWith("  LND's failed payments: LNDg's "
                + "LND-CleanPayments is 'yes', not 0 or 1, which LNDg cannot read either\n    → turn it on in LNDg")));
    }

    @Test
    void aWrongLndgAddressSaysCheckTheBaseUrl() throws IOException {
        Map<String, String> raw = settings();
        raw.put("LNDG_BASE_URL", lndg.baseUrl() + "/lndg");
        String line = failure(check(raw, false));
        assertTrue(line.contains("answered HTTP 404") && line.contains("→ no such page; check that LNDG_BASE_URL is LNDg's address"),
                line);
    }

    @Test
    void aMissingBinaryIsACrossNotAStop() throws IOException {
        Map<String, String> raw = settings();
        raw.put("REGOLANCER_BIN", dir.resolve("nowhere/regolancer").toString());
        String line = failure(check(raw, false));
        assertTrue(line.startsWith("✗ regolancer: REGOLANCER_BIN=" + dir.resolve("nowhere/regolancer") + " does not exist"), line);
    }

    @Test
    void aMacaroonThatCannotBeReadIsNamed() throws IOException {
        Files.delete(macaroons.resolve("admin.macaroon"));
        Files.createDirectory(macaroons.resolve("admin.macaroon"));
        String line = failure(check(settings(), false));
        assertTrue(line.startsWith("✗ LND's macaroon (macaroon_dir + macaroon_filename) " + macaroons.resolve("admin.macaroon")
                + " cannot be read by this user"), line);
    }

    @Test
    void aClosedGrpcPortIsNamed() throws IOException {
        template("127.0.0.1:" + Listening.freePort());
        String line = failure(check(settings(), false));
        assertTrue(line.contains("LND's gRPC at 127.0.0.1:") && line.contains("refuses") && line.contains("→ is LND running"), line);
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

    @Test
    void lndgRefusingTheConnectionGivesTheHintTheDaemonsLogLineGivesToo() throws IOException {
        Map<String, String> raw = settings();
        raw.put("LNDG_BASE_URL", "http://127.0.0.1:" + Listening.freePort());
        String line = failure(check(raw, false));
        assertTrue(line.contains("could not be reached") && line.contains("Connection refused\n    → "
                + org.regolancer.orchestrator.lndg.LndgAnswer.UNREACHABLE_HINT), line);
    }

    @Test
    void restingPairsAreNamedWithTheirAliasesAndTheirTimeToTheSecond() throws IOException {
        org.regolancer.orchestrator.judgment.PairWaits waits = new org.regolancer.orchestrator.judgment.PairWaits(
                java.time.Duration.ofMinutes(30), java.time.Duration.ofMinutes(360));
        java.time.Instant end = java.time.Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plusMillis(123);
        org.regolancer.orchestrator.pairing.PairKey pair = new org.regolancer.orchestrator.pairing.PairKey(
                new org.regolancer.orchestrator.pairing.ChannelId(chanId(1)), new org.regolancer.orchestrator.pairing.ChannelId(chanId(11)));
        waits.failed(pair, end);
        waits.failed(pair, end);
        // as a running daemon left them: its DATA_DIR names its RAM folder (.ramdir)
        Files.createDirectories(dir.resolve("data"));
        org.regolancer.orchestrator.regolancer.RunFiles ram = new org.regolancer.orchestrator.regolancer.RunFiles(
                org.regolancer.orchestrator.regolancer.RunFiles.defaultBase(), dir.resolve("data"));
        ram.write(org.regolancer.orchestrator.regolancer.RunFiles.WAITS, waits.toCsv());
        try {
            List<String> lines = text(check(settings(), false));
            String until = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC)
                    .format(end.plus(java.time.Duration.ofMinutes(60)));
            assertTrue(lines.contains("  resting: S1 (" + chanId(1) + ") → T1 (" + chanId(11) + ") until " + until
                    + " UTC after 2 failed runs in a row"), String.join("\n", lines));
        } finally {
            Files.deleteIfExists(ram.folderPath().resolve(org.regolancer.orchestrator.regolancer.RunFiles.WAITS));
            Files.deleteIfExists(ram.folderPath());
        }
    }

    @Test
    void aDataDirStartUpWouldRefuseIsACrossToo() throws IOException {
        Map<String, String> raw = settings();
        raw.put("DATA_DIR", "/proc/nope");
        String line = failure(check(raw, false));
        assertTrue(line.startsWith("✗ DATA_DIR=/proc/nope would be on the kernel's proc file system (/proc), where no file can "
                + "be created"), line);
    }

    @Test
    void theSettingsNotesComeFirstAndARelativeDataDirIsInformationWithWhatToDo() throws IOException {
        SettingsLoader.ForCheck loaded = SettingsLoader.forCheck(settings()::get, dir, false);
        CheckReport report = new NodeCheck(loaded.settings(), loaded.fileProblems(), false, Clock.systemUTC(),
                List.of(new NodeCheck.Note("/x/.env has a key this daemon does not know, ignored: MAX_WORKER (did you mean "
                        + "MAX_WORKERS?)", "correct a misspelt key")), "./data").run();
        List<String> lines = text(report);
        assertEquals("  /x/.env has a key this daemon does not know, ignored: MAX_WORKER (did you mean MAX_WORKERS?)\n"
                + "    → correct a misspelt key", lines.get(0));
        assertTrue(lines.contains("  DATA_DIR=./data is relative: it is " + dir.resolve("data") + ", inside the folder the daemon "
                + "runs in (with the launcher its versioned install folder, which the next upgrade leaves behind)\n    → set "
                + "DATA_DIR to an absolute path outside the install folder, e.g. /var/lib/regolancer-orchestrator (move the files "
                + "of the old one there)"), String.join("\n", lines));
        assertEquals(0, report.exitCode(), "information, not a ✗");
    }

    @Test
    void aBadTemplateIsACrossNotAStop() throws IOException {
        Files.writeString(dir.resolve("config.template.json"), "{\"from\": 905399447106748416}");
        String line = failure(check(settings(), false));
        assertTrue(line.startsWith("✗ template: CONFIG_TEMPLATE=") && line.contains("'from' must be a list of strings"), line);
    }

    @Test
    void maxFeePpmIsInTheFeeLineAndCapsWhatThePairingTableShowsValuesOutsideLndgsRangesAreNamed() throws IOException {
        Map<String, Object> odd = target(13, "Odd");
        odd.put("ar_max_cost", 2_000_000_000);
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1"), odd)).withSetting("AR-MaxFeeRate", "9999");
        Map<String, String> raw = settings();
        raw.put("MAX_FEE_PPM", "40");
        List<String> lines = text(check(raw, false));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ LNDg at ") && l.endsWith("; 1 rows with a value outside LNDg's "
                + "range: chan_id " + org.regolancer.orchestrator.fixtures.TestChannels.chanId(13) + ": ar_max_cost 2000000000 is "
                + "outside LNDg's 0–100, taken as unknown")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✗ LNDg's settings (/api/settings/): LNDg's AR-MaxFeeRate is 9999 ppm, "
                + "outside 1–5000")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("MAX_FEE_PPM 40: no run's fee limit above 40 ppm")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains(" T1 ") && l.contains("fee cap 40 ppm")),
                "LNDg's 65 ppm for T1 capped at 40: " + String.join("\n", lines));
    }

    @Test
    void theTemplateIsReadAsRegolancerReadsItAndThePairingTableSaysWhatItAndTheMarginsRuleOut() throws IOException {
        Map<String, Object> edge = org.regolancer.orchestrator.fixtures.TestChannels.row(chanId(4), "Edge",
                org.regolancer.orchestrator.fixtures.TestChannels.peer(4), 1_000_000, 750_000, 246_530, false, 90, 75);
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2"), edge, target(11, "T1"), target(12, "T2")));
        String text = Files.readString(dir.resolve("config.template.json")).replace("\"connect\":\"127.0.0.1:" + lnd.getLocalPort(),
                "\"connect\":\"127.0.0.1:" + Listening.freePort());
        Files.writeString(dir.resolve("config.template.json"), text.replace("\"econ_ratio\":0.9,", "\"econ_raito\":0.9,\"Perc\":20,"
                + "\"exclude_channel_age\":1000,\"exclude_to\":[\"" + chanId(12) + "\"],\"Connect\":\"127.0.0.1:" + lnd.getLocalPort() + "\","));
        CheckReport report = check(settings(), false);
        List<String> lines = text(report);
        String all = String.join("\n", lines);
        assertEquals("✗ template: 'econ_raito' is not a key regolancer knows: regolancer ignores it\n    → did you mean "
                + "'econ_ratio'? fix its name or remove it", failure(report), "a misspelt econ_ratio would fall back to 1");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  template: 'perc' is dropped from every run's config")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  template: 'exclude_channel_age' is not applied")), all);
        assertTrue(lines.stream().anyMatch(l -> l.contains(" Edge ") && l.contains("neither") && l.endsWith("no margin: outbound "
                + "75 % ≥ 75 %, 0 sat above its target, below the smallest run of 10000 sat (min_amount)")), all);
        assertTrue(lines.stream().anyMatch(l -> l.contains(" S1 ") && l.contains("source") && l.endsWith("margin 150000 sat")), all);
        assertTrue(lines.stream().anyMatch(l -> l.contains(" T2 ") && l.contains("neither")
                && l.endsWith("but excluded as a target by the template's exclude_to")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ pairing: 2 pairs by LNDg's rules, 2 to run now; 1 source without "
                + "margin above its target (not paired); 0 resting")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ LND's gRPC at 127.0.0.1:" + lnd.getLocalPort())),
                "'Connect' is regolancer's connect: the last key in any case wins");
    }
}
