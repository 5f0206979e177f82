package org.regolancer.orchestrator.cli;

import org.regolancer.orchestrator.demo.DemoLndg;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.regolancer.orchestrator.check.CheckReport;
import org.regolancer.orchestrator.check.NodeCheck;
import org.regolancer.orchestrator.settings.SettingsException;
import org.regolancer.orchestrator.settings.SettingsLoader;

/**
 * {@code check [--telegram-test]}: is this node set up right? One line per item on stdout, ✓ or ✗ with what to do.
 * Exit 0 when every item passed, 1 when any failed, 2 when a setting cannot be read at all. Changes nothing.
 */
final class CheckCommand {

    private CheckCommand() {
    }

    static int run(String profile, Path envFile, boolean telegramTest) throws IOException {
        Path workingDir = Path.of("").toAbsolutePath();
        DemoLndg demoLndg = "demo".equals(profile) ? DemoLndg.start() : null;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            SettingsLoader.ForCheck loaded = SettingsLoader.forCheck(Main.raw(workingDir, profile, envFile, demoLndg)::get,
                    workingDir, demoLndg != null);
            Main.demoNode(loaded.settings(), demoLndg);
            out.println("regolancer-orchestrator check" + (demoLndg != null ? " (demo: its stand-in LNDg and regolancer)" : "")
                    + ": settings from " + workingDir.resolve("application.properties") + ", "
                    + (envFile != null ? envFile : workingDir.resolve(".env")) + " and the environment");
            CheckReport report = new NodeCheck(loaded.settings(), loaded.fileProblems(), telegramTest, Clock.systemUTC()).run();
            report.print(out);
            out.println(report.failed() ? "Some items failed: fix them (→) and run check again." : "Every item passed.");
            return report.exitCode();
        } catch (SettingsException e) {
            System.err.println("regolancer-orchestrator: " + e.getMessage());
            return Main.EXIT_BAD_SETTING;
        } finally {
            if (demoLndg != null) {
                demoLndg.close();
            }
        }
    }
}
