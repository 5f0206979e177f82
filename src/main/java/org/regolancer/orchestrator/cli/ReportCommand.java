package org.regolancer.orchestrator.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.regolancer.orchestrator.cycle.BooksService;
import org.regolancer.orchestrator.demo.DemoLndg;
import org.regolancer.orchestrator.lndg.ChannelFetch;
import org.regolancer.orchestrator.lndg.LndgHttp;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.report.ReportChart;
import org.regolancer.orchestrator.report.ReportService;
import org.regolancer.orchestrator.settings.Settings;
import org.regolancer.orchestrator.settings.SettingsException;
import org.regolancer.orchestrator.settings.SettingsLoader;
import org.regolancer.orchestrator.telegram.TelegramHtml;
import org.regolancer.orchestrator.wiring.Parts;

/**
 * {@code report [--date YYYY-MM-DD] [--chart FILE]}: prints a day's report to stdout as plain text (logs go to stderr)
 * and writes the chart where asked. Sends nothing, stores nothing (not even DATA_DIR is created), does not disturb a
 * running daemon. It needs only what it reads: LNDg's login, not regolancer or a usable template.
 */
final class ReportCommand {

    private ReportCommand() {
    }

    static int run(String profile, Path envFile, LocalDate date, Path chart) throws IOException {
        Path workingDir = Path.of("").toAbsolutePath();
        DemoLndg demoLndg = "demo".equals(profile) ? DemoLndg.start() : null;
        try {
            Map<String, String> raw = Main.intake(workingDir, profile, envFile, demoLndg).raw();
            String missing = missingLogin(raw);
            if (missing != null) {
                System.err.println("regolancer-orchestrator: report reads LNDg: set " + missing + " (your LNDg login) in "
                        + (envFile != null ? envFile : workingDir.resolve(".env")) + ", or see the demo's report: report --profile demo");
                return Main.EXIT_BAD_SETTING;
            }
            // as check reads them: a missing regolancer or a template it cannot use does not matter to a report
            Settings settings = SettingsLoader.forCheck(raw::get, workingDir, demoLndg != null).settings();
            Main.demoNode(settings, demoLndg);
            Parts parts = new Parts(settings, Clock.systemUTC());
            ErrorLog logOnly = parts.logOnly();
            LndgHttp http = parts.lndgReads(parts.lndgSession(logOnly));
            ReportService reports = parts.reportService(http, logOnly, ReportChart::png);
            // the Channels block: the books read once, from the ledger and LNDg (the open channels name LNDg's jobs)
            BooksService books = parts.booksService(http, logOnly, Duration.ofDays(1), Duration.ofMinutes(10),
                    Duration.ofMinutes(1), false, true);
            ChannelFetch open = parts.openChannels();
            http.readAll(open);
            books.refresh(open);
            reports.channels(() -> parts.channelsView(books));
            ReportService.Report report = reports.build(date == null ? reports.today() : date, false);
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println(TelegramHtml.toText(report.text()));
            if (chart != null) {
                if (!report.hasChart()) {
                    System.err.println("regolancer-orchestrator: the chart could not be drawn");
                    return 1;
                }
                Files.write(chart, report.chart());
            }
            return 0;
        } catch (SettingsException e) {
            System.err.println("regolancer-orchestrator: " + e.getMessage());
            return Main.EXIT_BAD_SETTING;
        } catch (RuntimeException e) {
            System.err.println("regolancer-orchestrator: report failed: " + ErrorLog.describe(e));
            return 1;
        } finally {
            if (demoLndg != null) {
                demoLndg.close();
            }
        }
    }

    /** The LNDg login settings that are not set ("LNDG_USER and LNDG_PASS", one of them), or null when both are. */
    static String missingLogin(Map<String, String> raw) {
        boolean user = blank(raw.get("LNDG_USER"));
        boolean pass = blank(raw.get("LNDG_PASS"));
        if (user && pass) {
            return "LNDG_USER and LNDG_PASS";
        }
        return user ? "LNDG_USER" : pass ? "LNDG_PASS" : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
