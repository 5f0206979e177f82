package org.regolancer.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.Await;
import org.regolancer.orchestrator.fixtures.Installation;
import org.regolancer.orchestrator.fixtures.Markdown;

/**
 * The release archive as a node gets it: unpacked in a folder of its own and run through its launcher from another
 * folder, with Java only (no Maven, no source): the demo, {@code report} and {@code check}; the manual and the pages of
 * docs/ it links to.
 */
class ReleaseArchiveIT {

    private Path home;
    private Path elsewhere;

    @BeforeEach
    void unpack() throws Exception {
        Path folder = Installation.newFolder();
        Path archive;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            archive = files.filter(p -> p.getFileName().toString().matches("regolancer-orchestrator-.+\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("mvn package builds target/regolancer-orchestrator-<version>.tar.gz"));
        }
        Process tar = new ProcessBuilder("tar", "xzf", archive.toAbsolutePath().toString(), "-C", folder.toString())
                .inheritIO().start();
        assertEquals(0, tar.waitFor());
        try (Stream<Path> unpacked = Files.list(folder)) {
            home = unpacked.findFirst().orElseThrow();
        }
        elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
    }

    private ProcessBuilder launcher(String... args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/regolancer-orchestrator").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile());
        builder.environment().keySet().removeIf(k -> k.matches("[A-Z][A-Z0-9_]*") && !k.equals("PATH") && !k.equals("HOME")
                && !k.startsWith("JAVA") && !k.equals("LANG"));
        return builder;
    }

    @Test
    void holdsTheLauncherTheJarWithItsLibrariesAndWhatAnOperatorEdits() throws Exception {
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("bin/regolancer-orchestrator"))));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("demo/regolancer"))));
        for (String file : List.of("regolancer-orchestrator.jar", "routes/cycle.camel.yaml", "routes/notify.camel.yaml",
                "application.properties", "application-demo.properties", "config.template.json", "README.md", "demo/demo-behaviour",
                "systemd/regolancer-orchestrator.service", "docs/architecture.md", "docs/testing.md", "docs/benchmarks.md")) {
            assertTrue(Files.isRegularFile(home.resolve(file)), file);
        }
        Markdown manual = Markdown.read(home.resolve("README.md"));
        assertTrue(manual.links().stream().anyMatch(l -> l.path().startsWith("docs/")), "the README links to docs/");
        assertEquals(List.of(), manual.brokenLinks(), "every link of the unpacked README leads to a file in the archive");
        try (JarFile jar = new JarFile(home.resolve("regolancer-orchestrator.jar").toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            for (String entry : classPath.split(" ")) {
                assertTrue(Files.isRegularFile(home.resolve(entry)), "the manifest's " + entry + " is in the archive");
            }
        }
        String unit = Files.readString(home.resolve("systemd/regolancer-orchestrator.service"));
        assertTrue(unit.contains("ExecStart=/bin/sh /opt/regolancer-orchestrator/bin/regolancer-orchestrator"), unit);
        assertTrue(unit.contains("Environment=JAVA_OPTS=-Dlog.journal=true"), unit);
    }

    @Test
    void theDemoReportAndCheckRunThroughTheLauncherFromAnotherFolder() throws Exception {
        Files.writeString(home.resolve("demo/standin-behaviour"), "* * success 0.3\n");
        Process daemon = launcher("--profile", "demo").redirectErrorStream(true)
                .redirectOutput(elsewhere.resolve("daemon.log").toFile()).start();
        try {
            Path ledger = home.resolve("demo/data/rebalances.csv");
            Await.until(Duration.ofSeconds(60), () -> Files.exists(ledger) && Files.readAllLines(ledger).size() >= 2);
            assertTrue(Files.exists(ledger) && Files.readAllLines(ledger).size() >= 2, "the demo paid, in its install folder:\n"
                    + Files.readString(elsewhere.resolve("daemon.log")));

            Process check = launcher("check", "--profile", "demo").redirectErrorStream(true).start();
            String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(check.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, check.exitValue(), checked);
            assertTrue(checked.contains("a running daemon (pid " + daemon.pid() + ") holds it now"),
                    "a running daemon is information, not a ✗ (and the launcher's java is that pid): " + checked);
            assertTrue(checked.contains("Every item passed."), checked);
        } finally {
            daemon.destroy();
            assertTrue(daemon.waitFor(10, TimeUnit.SECONDS), "SIGTERM reaches java through the launcher");
        }

        Process report = launcher("report", "--profile", "demo", "--chart", "chart.png")
                .redirectError(elsewhere.resolve("report.err").toFile()).start();
        String text = new String(report.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(report.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, report.exitValue(), text + Files.readString(elsewhere.resolve("report.err")));
        assertTrue(text.startsWith("📊 Rebalancing report, "), "text for a terminal: " + text);
        assertFalse(text.contains("<b>"), text);
        assertTrue(text.matches("(?s).*• LNDg AR: [1-9]\\d* × .*"), "the demo's LNDg history shows from the first moment: " + text);
        assertTrue(Files.size(elsewhere.resolve("chart.png")) > 1000, "--chart is relative to where the launcher was called");
    }

    @Test
    void theReportThroughTheLauncherOfAFreshInstallSaysWhatToDoInOneLine() throws Exception {
        Process report = launcher("report").redirectError(elsewhere.resolve("report.err").toFile()).start();
        String text = new String(report.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(report.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, report.exitValue());
        assertEquals("", text);
        assertEquals("regolancer-orchestrator: report reads LNDg: set LNDG_USER and LNDG_PASS (your LNDg login) in "
                + home.toRealPath().resolve(".env") + ", or see the demo's report: report --profile demo\n",
                Files.readString(elsewhere.resolve("report.err")), "the install folder's .env, where the launcher reads it");
    }
}
