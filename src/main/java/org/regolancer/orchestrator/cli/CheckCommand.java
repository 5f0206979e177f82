package org.regolancer.orchestrator.cli;

import org.regolancer.orchestrator.demo.DemoLndg;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
            Main.Intake intake = Main.intake(workingDir, profile, envFile, demoLndg);
            intake.requireDryRun();
            SettingsLoader.ForCheck loaded = SettingsLoader.forCheck(intake.raw()::get, workingDir, demoLndg != null);
            Main.demoNode(loaded.settings(), demoLndg);
            // the .env named only when there is one
            out.println("regolancer-orchestrator check" + (demoLndg != null ? " (demo: its stand-in LNDg and regolancer)" : "")
                    + ": settings from " + workingDir.resolve("application.properties") + ", "
                    + (intake.envFile() != null ? intake.envFile() + " and the environment" : "the environment (no .env)"));
            // the .env's keys as start-up names them; a relative DATA_DIR is said with the DATA_DIR item
            List<NodeCheck.Note> notes = intake.review() == null ? List.of() : intake.review()
                    .findings(intake.envFile().toString(), intake.raw()::get).stream()
                    .map(f -> new NodeCheck.Note(f.text(), f.todo())).toList();
            CheckReport report = new NodeCheck(loaded.settings(), loaded.fileProblems(), telegramTest, Clock.systemUTC(), notes,
                    intake.raw().get("DATA_DIR")).run();
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
