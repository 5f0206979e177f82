package org.regolancer.orchestrator.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads every setting from one lookup (environment over {@code .env} over {@code application.properties}) and
 * validates it, group by group ({@link LndgTelegramReads}, {@link CycleReads}, {@link ReportMonitoringReads},
 * {@link FileReads}). The first bad setting throws a {@link SettingsException} whose message names it and what it
 * accepts. Relative paths resolve against the working directory.
 */
public final class SettingsLoader {

    /** Largest amount the ladder may reach: 10 BTC. */
    public static final long MAX_AMOUNT_SAT = 1_000_000_000L;
    /** Longest internal duration: a week. */
    static final long MAX_TUNABLE_MS = 604_800_000L;

    private SettingsLoader() {
    }

    public static Settings load(Function<String, String> raw, Path workingDir, boolean demo) {
        return load(new SettingReader(raw, workingDir.toAbsolutePath().normalize()), demo, null);
    }

    /** The settings as {@code check} reads them, and what is wrong with the files they name. */
    public record ForCheck(Settings settings, List<String> fileProblems) {
    }

    /**
     * Reads the settings as the daemon does, except that it creates nothing (not even DATA_DIR) and does not stop at a
     * missing binary or a bad template: those are returned as problems. A setting that cannot be read at all still
     * throws.
     */
    public static ForCheck forCheck(Function<String, String> raw, Path workingDir, boolean demo) {
        List<String> problems = new ArrayList<>();
        Settings settings = load(new SettingReader(raw, workingDir.toAbsolutePath().normalize()), demo, problems);
        return new ForCheck(settings, List.copyOf(problems));
    }

    /**
     * The internals of {@code application.properties} (its lower-case keys, e.g. {@code lndg.read-timeout-ms}), from the
     * lookup Camel's properties give (the file, and a test's overrides); a missing or bad one is one line naming it.
     */
    public static Tunables tunables(Function<String, String> raw) {
        SettingReader in = new SettingReader(raw, Path.of("").toAbsolutePath());
        java.util.Map<String, java.time.Duration> ms = new java.util.HashMap<>();
        for (String key : Tunables.MILLIS) {
            ms.put(key, java.time.Duration.ofMillis(in.number(key, 1, MAX_TUNABLE_MS)));
        }
        int queueSize = (int) in.number("notify.queue-size", 1, 1_000_000);
        int pollSeconds = (int) in.number("telegram.poll-seconds", 1, 3_600);
        String routes = in.text("routes.directory").isEmpty() ? "routes" : in.text("routes.directory");
        return new Tunables(ms.get("lndg.connect-timeout-ms"), ms.get("lndg.read-timeout-ms"), ms.get("lndg.retry-pause-first-ms"),
                ms.get("lndg.retry-pause-max-ms"), ms.get("lndg.settings-refresh-ms"), ms.get("lndg.settings-retry-ms"),
                ms.get("books.refresh-ms"), ms.get("books.retry-ms"), ms.get("books.day-ms"), ms.get("retry-wait.minute-ms"),
                ms.get("telegram.timeout-ms"), queueSize, ms.get("telegram.retry-delay-ms"), ms.get("telegram.spacing-ms"),
                pollSeconds, ms.get("telegram.poll-delay-ms"), ms.get("report.retry-ms"), ms.get("report.catch-up-delay-ms"),
                ms.get("lndg-notices.period-ms"), routes);
    }

    /**
     * @param fileProblems for {@code check}: files are looked at by the check itself, nothing is created, no problem
     *                     with them stops it (null for the daemon)
     */
    private static Settings load(SettingReader in, boolean demo, List<String> fileProblems) {
        // plain values first, then what needs the file system, so the message names the first real mistake
        Settings.Run run = CycleReads.run(in);
        Settings.Logs logs = CycleReads.logs(in);
        Settings.Amounts amounts = CycleReads.amounts(in);
        Settings.Lndg lndg = LndgTelegramReads.lndg(in);
        Settings.Telegram telegram = LndgTelegramReads.telegram(in);
        Settings.Judgment judgment = CycleReads.judgment(in);
        Settings.Report report = ReportMonitoringReads.report(in);
        Settings.Monitoring monitoring = ReportMonitoringReads.monitoring(in);
        Settings.Files files = FileReads.files(in, amounts.initial(), run.dryRun(), fileProblems);
        return new Settings(lndg, telegram, amounts, judgment, report, monitoring, run, files, logs, demo);
    }
}
