package org.regolancer.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.Await;
import org.regolancer.orchestrator.fixtures.Installation;

/**
 * The packaged jar in an install folder of its own (routes/, application*.properties, config.template.json,
 * demo/), started with {@code java -jar} as the README says: the daemon's long run (payments, stop, JMX, children's
 * environment, the journal, a small heap, one daemon per DATA_DIR). Its short lives are {@link PackagedCommandsIT}'s.
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
            Await.until(Duration.ofSeconds(60), () -> Files.exists(ledger) && Files.readAllLines(ledger).size() >= 2);
            assertTrue(Files.exists(ledger) && Files.readAllLines(ledger).size() >= 2, "the demo paid:\n" + output());
            List<ProcessHandle> children = daemon.descendants().toList();

            Instant stop = Instant.now();
            daemon.destroy();
            assertTrue(daemon.waitFor(10, TimeUnit.SECONDS), "exits within 10 s of SIGTERM");
            Duration took = Duration.between(stop, Instant.now());
            assertTrue(List.of(0, 143).contains(daemon.exitValue()), "exit " + daemon.exitValue());
            // a killed run's children may take a moment to be reaped; none may stay
            Await.until(Duration.ofSeconds(3), () -> children.stream().noneMatch(ProcessHandle::isAlive));
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
            boolean counted = Await.until(Duration.ofSeconds(60), () -> {
                try (javax.management.remote.JMXConnector connector = org.regolancer.orchestrator.fixtures.RemoteJmx.connect(port,
                        login)) {
                    return (Long) connector.getMBeanServerConnection().getAttribute(stats, "Successes") > 0;
                } catch (IOException | javax.management.InstanceNotFoundException e) {
                    return false; // not listening or not registered yet
                }
            });
            assertTrue(counted, "payments counted over remote JMX:\n" + output());
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
            Await.until(Duration.ofSeconds(60), () -> Files.readString(seen).contains("--\n"));
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
            Await.until(Duration.ofSeconds(30), () -> output().contains("started"));
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
            Await.until(Duration.ofSeconds(90), () -> Files.exists(runs)
                    && Files.readAllLines(runs).stream().filter(l -> l.startsWith("end ")).count() >= 3);
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
            Await.until(Duration.ofSeconds(30), () -> output().contains("started"));
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
}
