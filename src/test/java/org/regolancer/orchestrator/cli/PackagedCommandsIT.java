package org.regolancer.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.Installation;

/**
 * The packaged jar's short lives in an install folder of its own, started with {@code java -jar} as the README says:
 * start-up refused (a bad setting, an unknown argument), a single cycle, check's warning and the report command.
 * The daemon's long run is {@link PackagedJarIT}'s.
 */
class PackagedCommandsIT {

    Path install;
    private Installation app;

    @BeforeEach
    void install() throws IOException {
        install = Installation.newFolder();
        app = new Installation(install);
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        return app.start(env, args);
    }

    private String output() throws IOException {
        return app.output();
    }

    @Test
    void aBadSettingStopsStartUpWithOneLineAndExit2() throws Exception {
        Process daemon = start(Map.of("MAX_WORKERS", "0", "LNDG_USER", "u", "LNDG_PASS", "secret-pw"));
        assertTrue(daemon.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, daemon.exitValue());
        assertEquals("regolancer-orchestrator: MAX_WORKERS=0 is invalid; accepted: a whole number from 1 to 64\n", output());
    }

    @Test
    void aSingleCycleThatCannotReachLndgExits1AndSaysSoInErrorsLog() throws Exception {
        Files.writeString(install.resolve(".env"), "LNDG_USER=u\nLNDG_PASS='secret-pw'\nRUN_FOREVER=no\nDRY_RUN=yes\n"
                + "LNDG_BASE_URL=http://127.0.0.1:9\n");
        Process daemon = start(Map.of());
        assertTrue(daemon.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, daemon.exitValue(), output());
        List<String> errors = Files.readAllLines(install.resolve("data/errors.log"));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("[lndg] channel fetch failed"), errors.get(0));
        assertFalse(output().contains("secret-pw") || errors.get(0).contains("secret-pw"));
    }

    @Test
    void plainHttpToAnotherMachineIsOneWarningAtStartAndOneInCheck() throws Exception {
        // TEST-NET-1: never this machine; the cycle then fails to reach it, as the check does
        Files.writeString(install.resolve(".env"), "LNDG_USER=u\nLNDG_PASS='secret-pw'\nRUN_FOREVER=no\nDRY_RUN=yes\n"
                + "LNDG_BASE_URL=http://192.0.2.1:9\n");
        String warning = "LNDG_BASE_URL=http://192.0.2.1:9 is plain http to another machine: LNDg's password and session "
                + "cross the network unencrypted";
        Process daemon = start(Map.of());
        assertTrue(daemon.waitFor(60, TimeUnit.SECONDS));
        List<String> lines = output().lines().filter(l -> l.contains(warning)).toList();
        assertEquals(1, lines.size(), output());
        assertTrue(lines.get(0).contains(" WARN " + warning + ": reach LNDg over https through a proxy in front of it "
                + "(LNDG_TLS_CERT for a self-signed certificate), or through an ssh tunnel"), lines.get(0));
        Files.delete(install.resolve("out.log"));
        Process check = start(Map.of(), "check");
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, output().lines().filter(l -> l.equals("  LNDg: " + warning)).count(), output());
        assertTrue(output().contains("  LNDg: " + warning + "\n    → reach LNDg over https"), output());
    }

    @Test
    void theReportCommandPrintsOnlyTheReportWritesTheChartAndStoresNothing() throws Exception {
        List<String> command = Installation.jarCommand("report", "--profile", "demo", "--chart", "chart.png");
        Process report = new ProcessBuilder(command).directory(install.toFile())
                .redirectOutput(install.resolve("stdout.txt").toFile())
                .redirectError(install.resolve("stderr.txt").toFile()).start();
        assertTrue(report.waitFor(60, TimeUnit.SECONDS));
        String stdout = Files.readString(install.resolve("stdout.txt"), StandardCharsets.UTF_8);
        assertEquals(0, report.exitValue(), stdout + Files.readString(install.resolve("stderr.txt")));
        assertTrue(stdout.startsWith("📊 Rebalancing report, "), "text for a terminal, not Telegram's HTML: " + stdout);
        assertTrue(stdout.contains("\nLast 12 months ("), stdout);
        assertFalse(stdout.contains("<b>") || stdout.contains("</i>") || stdout.contains("&amp;"), stdout);
        byte[] png = Files.readAllBytes(install.resolve("chart.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
        assertFalse(Files.exists(install.resolve("demo/data/daily-report.csv")), "nothing stored");
        assertFalse(Files.exists(install.resolve("demo/data/daily-report.sent")), "nothing marked sent");
    }

    /** The report command in the install folder with this environment: exit value, stdout, stderr. */
    private String[] report(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("report"));
        command.addAll(List.of(args));
        Process report = Installation.start(new ProcessBuilder(Installation.jarCommand(command.toArray(String[]::new)))
                .directory(install.toFile()).redirectOutput(install.resolve("stdout.txt").toFile())
                .redirectError(install.resolve("stderr.txt").toFile()), env);
        assertTrue(report.waitFor(60, TimeUnit.SECONDS));
        return new String[] {Integer.toString(report.exitValue()), Files.readString(install.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(install.resolve("stderr.txt"), StandardCharsets.UTF_8)};
    }

    @Test
    void onAFreshCheckoutTheReportSaysWhatToDoAndWithLndgsLoginNeedsNothingElseAndCreatesNothing() throws Exception {
        String[] fresh = report(Map.of());
        assertEquals("2", fresh[0]);
        assertEquals("", fresh[1]);
        assertEquals("regolancer-orchestrator: report reads LNDg: set LNDG_USER and LNDG_PASS (your LNDg login) in "
                + install.resolve(".env") + ", or see the demo's report: report --profile demo\n", fresh[2]);

        // LNDg's login in .env, nothing else: no regolancer at ./regolancer, no DATA_DIR yet, as on a fresh checkout
        LocalDate yesterday = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
        try (org.regolancer.orchestrator.fixtures.FakeLndg lndg = new org.regolancer.orchestrator.fixtures.FakeLndg()) {
            lndg.withChannels(List.of()).withForward(1, yesterday.atTime(12, 0).toString(), 2_000_000_000, 2.5);
            Files.writeString(install.resolve(".env"), "LNDG_BASE_URL=" + lndg.baseUrl() + "\nLNDG_USER="
                    + org.regolancer.orchestrator.fixtures.FakeLndg.USER + "\nLNDG_PASS="
                    + org.regolancer.orchestrator.fixtures.FakeLndg.PASSWORD + "\nREPORT_TIMEZONE=UTC\n");
            String[] past = report(Map.of(), "--date", yesterday.toString());
            assertEquals("0", past[0], past[1] + past[2]);
            assertTrue(past[1].startsWith("📊 Rebalancing report, " + yesterday.format(
                    java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH)) + "\nUTC, whole day\n"),
                    "a past day looked at is not late: " + past[1]);
            assertTrue(past[1].contains("\nForwarded 2,000,000 sat in 1 forwards, earned 2.5 sat\n"), past[1]);
            assertFalse(Files.exists(install.resolve("data")), "DATA_DIR not even created");
        }
    }

    @Test
    void anUnknownArgumentIsRefused() throws Exception {
        Process daemon = start(Map.of(), "--verbose");
        assertTrue(daemon.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, daemon.exitValue());
        assertTrue(output().startsWith("regolancer-orchestrator: unknown argument '--verbose'"), output());
    }
}
