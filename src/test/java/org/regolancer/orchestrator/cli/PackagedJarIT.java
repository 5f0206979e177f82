package org.regolancer.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.Installation;

/**
 * The packaged jar in an install folder of its own (routes/, application*.properties, config.template.json,
 * demo/), started with {@code java -jar} as the README says.
 */
class PackagedJarIT {

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

    private static void stop(Process daemon) throws InterruptedException {
        Installation.stop(daemon);
    }

    private String output() throws IOException {
        return app.output();
    }

    @Test
    void theDemoRebalancesAndStopsOnSigtermWithinTenSecondsLeavingNoRegolancer() throws Exception {
        // the stand-in pays on every run here instead of one run in three
        Files.writeString(install.resolve("demo/standin-behaviour"), "* * success 0.5\n");
        Process daemon = start(Map.of(), "--profile", "demo");
        try {
            Path ledger = install.resolve("demo/data/rebalances.csv");
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline) && !(Files.exists(ledger) && Files.readAllLines(ledger).size() >= 2)) {
                Thread.sleep(200);
            }
            assertTrue(Files.exists(ledger) && Files.readAllLines(ledger).size() >= 2, "the demo paid:\n" + output());
            List<ProcessHandle> children = daemon.descendants().toList();

            Instant stop = Instant.now();
            daemon.destroy();
            assertTrue(daemon.waitFor(10, TimeUnit.SECONDS), "exits within 10 s of SIGTERM");
            Duration took = Duration.between(stop, Instant.now());
            assertTrue(List.of(0, 143).contains(daemon.exitValue()), "exit " + daemon.exitValue());
            // a killed run's children may take a moment to be reaped; none may stay
            Instant reaped = Instant.now().plusSeconds(3);
            while (children.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(reaped)) {
                Thread.sleep(50);
            }
            for (ProcessHandle child : children) {
                assertFalse(child.isAlive(), "left running: " + child.pid() + " " + child.info().commandLine().orElse("?"));
            }
            String out = output();
            assertTrue(out.contains("regolancer-orchestrator started (demo"), out);
            assertTrue(out.contains("Telegram (demo, not sent)"), out);
            assertFalse(out.contains("Exception"), out);
            try (java.util.stream.Stream<Path> written = Files.list(install.resolve("demo/data"))) {
                for (Path file : written.toList()) {
                    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(file)), "owner-only: " + file.getFileName());
                }
            }
            System.out.println("SIGTERM to exit: " + took.toMillis() + " ms");
        } finally {
            stop(daemon);
        }
    }

    @Test
    void remoteJmxOnLoopbackShowsTheCountersToTheUsersOfItsPasswordFile() throws Exception {
        int port = org.regolancer.orchestrator.fixtures.Listening.freePort();
        Files.writeString(install.resolve("demo/standin-behaviour"), "* * success 0.2\n");
        Path passwords = org.regolancer.orchestrator.fixtures.RemoteJmx.passwordFile(install);
        Process daemon = start(Map.of("JMX_PORT", Integer.toString(port), "JMX_PASSWORD_FILE", passwords.toString()),
                "--profile", "demo");
        try {
            javax.management.ObjectName stats = new javax.management.ObjectName(
                    "org.regolancer.orchestrator:type=Stats,name=cycles");
            String[] login = {org.regolancer.orchestrator.fixtures.RemoteJmx.ROLE,
                    org.regolancer.orchestrator.fixtures.RemoteJmx.PASSWORD};
            Instant deadline = Instant.now().plusSeconds(60);
            long successes = 0;
            while (Instant.now().isBefore(deadline) && successes == 0) {
                try (javax.management.remote.JMXConnector connector = org.regolancer.orchestrator.fixtures.RemoteJmx.connect(port,
                        login)) {
                    successes = (Long) connector.getMBeanServerConnection().getAttribute(stats, "Successes");
                } catch (IOException | javax.management.InstanceNotFoundException e) {
                    // not listening or not registered yet
                }
                Thread.sleep(500);
            }
            assertTrue(successes > 0, "payments counted over remote JMX:\n" + output());
            assertTrue(org.regolancer.orchestrator.fixtures.Listening.onlyOnLoopback(port),
                    "only loopback listens on the JMX port: " + org.regolancer.orchestrator.fixtures.Listening.addresses(port));
            org.junit.jupiter.api.Assertions.assertThrows(SecurityException.class,
                    () -> org.regolancer.orchestrator.fixtures.RemoteJmx.connect(port, null), "nobody without the password");
        } finally {
            stop(daemon);
        }
    }

    @Test
    void regolancerAndChecksVersionChildGetTheEnvironmentWithoutSecrets() throws Exception {
        Files.writeString(install.resolve("demo/standin-behaviour"), "* * success 0.2\n");
        Path seen = Files.createFile(install.resolve("demo/env.log"));
        // secrets from the environment, as a container or a unit's Environment= gives them; the demo uses its own
        // LNDg login, which a wrapper's variable here carries by value
        Map<String, String> env = Map.of("LNDG_USER", "u", "LNDG_PASS", "secret-pw",
                "TELEGRAM_TOKEN", org.regolancer.orchestrator.fixtures.FakeTelegram.TOKEN,
                "WRAPPER_ARGS", "--login " + org.regolancer.orchestrator.demo.DemoLndg.PASSWORD,
                "HTTPS_PROXY", "http://127.0.0.1:3128", "TORSOCKS_CONF_FILE", "/etc/tor/torsocks.conf");
        Process daemon = start(env, "--profile", "demo");
        try {
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline) && !Files.readString(seen).contains("--\n")) {
                Thread.sleep(100);
            }
        } finally {
            stop(daemon);
        }
        Process check = app.start(env, "check", "--profile", "demo");
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        List<String> starts = List.of(Files.readString(seen).split("--\n"));
        assertTrue(starts.size() >= 2, "a run, then check's --version: " + starts);
        for (String started : starts) {
            assertTrue(started.contains("HTTPS_PROXY=http://127.0.0.1:3128\n") && started.contains("TORSOCKS_CONF_FILE=")
                    && started.contains("PATH=") && started.contains("NO_COLOR=1\n"), "the rest is kept: " + started);
            for (String secret : List.of("LNDG_", "TELEGRAM_TOKEN", "WRAPPER_ARGS", "secret-pw", "AAHdqTcvCH1vGWJx",
                    org.regolancer.orchestrator.demo.DemoLndg.PASSWORD)) {
                assertFalse(started.contains(secret), secret + " reached a child: " + started);
            }
        }
    }

    @Test
    void underSystemdTheJournalGetsNoSecondTimestamp() throws Exception {
        List<String> command = List.of("java", "-Dlog.journal=true", "-jar",
                Path.of("target/regolancer-orchestrator.jar").toAbsolutePath().toString(), "--profile", "demo");
        Process daemon = new ProcessBuilder(command).directory(install.toFile()).redirectErrorStream(true)
                .redirectOutput(install.resolve("out.log").toFile()).start();
        try {
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && !output().contains("started")) {
                Thread.sleep(100);
            }
            String first = output().lines().findFirst().orElse("");
            assertTrue(first.startsWith("INFO regolancer-orchestrator started (demo"), first);
        } finally {
            stop(daemon);
        }
    }

    @Test
    void runsPrintingFiftyMegabytesEachArePaidOnA32MegabyteHeap() throws Exception {
        // kept whole, each run's output would be 100 MB of Java chars: only a bounded tail may stay
        Files.writeString(install.resolve("demo/standin-behaviour"), "* * flood 50\n");
        Process daemon = start(Map.of("JAVA_TOOL_OPTIONS", "-Xmx32m"), "--profile", "demo");
        try {
            Path runs = install.resolve("demo/runs.log");
            Instant deadline = Instant.now().plusSeconds(90);
            while (Instant.now().isBefore(deadline) && !(Files.exists(runs)
                    && Files.readAllLines(runs).stream().filter(l -> l.startsWith("end ")).count() >= 3)) {
                Thread.sleep(200);
            }
        } finally {
            stop(daemon);
        }
        long paid = Files.readAllLines(install.resolve("demo/runs.log")).stream().filter(l -> l.startsWith("paid ")).count();
        assertTrue(paid >= 3, "three flooding runs paid:\n" + output());
        assertEquals(paid, Files.readAllLines(install.resolve("demo/data/rebalances.csv")).size() - 1, "each in the ledger");
        assertFalse(output().contains("OutOfMemoryError"), output());
    }

    @Test
    void aSecondDaemonOnTheSameDataDirRefusesToStart() throws Exception {
        Process first = start(Map.of(), "--profile", "demo");
        try {
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && !output().contains("started")) {
                Thread.sleep(100);
            }
            List<String> command = Installation.jarCommand("--profile", "demo");
            Process second = new ProcessBuilder(command).directory(install.toFile()).redirectErrorStream(true)
                    .redirectOutput(install.resolve("second.log").toFile()).start();
            assertTrue(second.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, second.exitValue());
            String said = Files.readString(install.resolve("second.log"));
            assertTrue(said.startsWith("regolancer-orchestrator: DATA_DIR=") && said.contains("is in use by another"), said);
            assertTrue(first.isAlive(), "the first daemon runs on");
        } finally {
            stop(first);
        }
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
