package org.regolancer.orchestrator.cli;

import org.regolancer.orchestrator.demo.DemoLndg;
import org.regolancer.orchestrator.wiring.OrchestratorConfiguration;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.regolancer.orchestrator.cycle.Lifecycle;
import java.util.List;
import org.regolancer.orchestrator.settings.DataDirs;
import org.regolancer.orchestrator.settings.DotenvReview;
import org.regolancer.orchestrator.settings.Settings;
import org.regolancer.orchestrator.settings.SettingsException;
import org.regolancer.orchestrator.settings.SettingsLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Set;
import org.regolancer.orchestrator.judgment.FeePolicy;
import org.regolancer.orchestrator.lndg.LndgTls;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.regolancer.TemplateCheck;

/**
 * {@code java -jar regolancer-orchestrator.jar [--profile demo]}: validates every setting before Camel starts
 * (one line and exit 2 on a bad one), then runs Camel Main with the routes in {@code routes/}.
 */
public final class Main {

    static {
        // under systemd the journal adds the time: no second timestamp (set before the first logger is made)
        if (Boolean.getBoolean("log.journal")) {
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "false");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger("org.regolancer.orchestrator");
    static final int EXIT_BAD_SETTING = 2;
    static final int EXIT_START_FAILED = 1;
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("regolancer-orchestrator: " + e.getMessage());
            System.exit(EXIT_BAD_SETTING);
            return;
        }
        System.exit(switch (line.command()) {
            case HELP -> {
                System.out.println(CommandLine.USAGE);
                yield 0;
            }
            case REPORT -> ReportCommand.run(line.profile(), line.envFile(), line.date(), line.chart());
            case CHECK -> CheckCommand.run(line.profile(), line.envFile(), line.telegramTest());
            case RUN -> run(line.profile(), line.envFile());
        });
    }

    /** Every setting, validated; in the demo, pointed at the demo's loopback LNDg. */
    static Settings settings(Intake intake, Path workingDir, DemoLndg demoLndg) {
        intake.requireDryRun();
        Settings settings = SettingsLoader.load(intake.raw()::get, workingDir, demoLndg != null);
        demoNode(settings, demoLndg);
        return settings;
    }

    /**
     * The settings as read, before they are validated: the raw values, and what the .env file holds beyond them
     * (null in the demo, which reads nothing of the operator's).
     */
    record Intake(Map<String, String> raw, DotenvReview review, Path envFile, boolean demo) {

        /** The Python orchestrator's .env without DRY_RUN stops start-up (there it meant a dry run). */
        void requireDryRun() {
            if (review != null) {
                review.requireDryRun(envFile.toString());
            }
        }

        /**
         * What start-up says about the settings that work but may not be what was meant, a line each: the .env's
         * unknown keys, its LightningOS keys in use, the original's keys it lacks, a relative DATA_DIR.
         */
        List<DotenvReview.Finding> findings(Settings settings) {
            List<DotenvReview.Finding> findings = new ArrayList<>();
            if (review != null) {
                findings.addAll(review.findings(envFile.toString(), raw::get));
            }
            if (!demo) {
                DataDirs.relativeWarning(raw.get("DATA_DIR"), settings.files().dataDir())
                        .ifPresent(w -> findings.add(new DotenvReview.Finding(w, DataDirs.RELATIVE_TODO)));
            }
            return findings;
        }
    }

    static Intake intake(Path workingDir, String profile, Path envFile, DemoLndg demoLndg) {
        RawSettings.Read read = RawSettings.read(workingDir, profile, System.getenv(), envFile);
        Map<String, String> raw = read.values();
        if (demoLndg != null) {
            raw.put("LNDG_BASE_URL", demoLndg.baseUrl());
            raw.put("LNDG_USER", DemoLndg.USER);
            raw.put("LNDG_PASS", DemoLndg.PASSWORD);
        }
        boolean demo = "demo".equals(profile);
        DotenvReview review = demo || read.envFile() == null ? null
                : new DotenvReview(read.dotenv(), System.getenv()::get, read.names());
        return new Intake(raw, review, read.envFile(), demo);
    }

    /**
     * The demo's LNDg acts as a node whose balances follow the demo's payments, unless a test drives the stand-in
     * regolancer with a behaviour file of its own.
     */
    static void demoNode(Settings settings, DemoLndg demoLndg) {
        if (demoLndg == null || Files.exists(settings.files().regolancerBin().resolveSibling("standin-behaviour"))) {
            return;
        }
        try {
            demoLndg.actAsNode(settings.files().dataDir().resolve("rebalances.csv"));
        } catch (IOException e) {
            throw new SettingsException("the demo's node sample cannot be read (" + ErrorLog.describe(e) + ")");
        }
    }

    /** The start-up line's words for the fee policy. */
    static String feePolicyText(Settings settings) {
        return (settings.judgment().feePolicy() == FeePolicy.LNDG
                ? "fee policy lndg (each target's ar_max_cost, capped at LNDg's AR-MaxFeeRate)"
                : "fee policy template (the template's fee keys)")
                + (settings.judgment().maxFeeCeiling().isPresent() ? ", no fee limit above " + settings.judgment().maxFeePpm() + " ppm" : "");
    }

    /** The start-up line's words for the refill budget. */
    static String budgetText(Settings settings) {
        return settings.judgment().refillBudgetOn()
                ? "refill budget " + settings.judgment().refillBudgetPercent() + " % of each target's earnings + "
                        + settings.judgment().refillAllowanceSat() + " sat over " + settings.judgment().booksDays() + " days"
                : "no refill budget";
    }

    static String waitsText(Settings settings) {
        String htlcs = settings.judgment().maxPendingHtlcs() > 0 ? "channels with " + settings.judgment().maxPendingHtlcs() + "+ pending HTLCs left alone"
                : "no HTLC limit";
        return (settings.judgment().retryWaitMinutes() > 0 ? "failed pairs rest " + settings.judgment().retryWaitMinutes() + "–"
                + settings.judgment().retryWaitMaxMinutes() + " min" : "failed pairs never rest") + ", " + htlcs;
    }

    static int run(String profile, Path envFile) throws Exception {
        Path workingDir = Path.of("").toAbsolutePath();
        boolean demo = "demo".equals(profile);
        DemoLndg demoLndg = null;
        Settings settings;
        Intake intake;
        try {
            if (!Files.isDirectory(workingDir.resolve("routes"))) {
                throw new SettingsException("no routes/ folder in " + workingDir
                        + "; start the daemon in its install folder (where application.properties and routes/ are)");
            }
            if (demo) {
                demoLndg = DemoLndg.start();
            }
            intake = intake(workingDir, profile, envFile, demoLndg);
            settings = settings(intake, workingDir, demoLndg);
        } catch (SettingsException e) {
            System.err.println("regolancer-orchestrator: " + e.getMessage());
            if (demoLndg != null) {
                demoLndg.close();
            }
            return EXIT_BAD_SETTING;
        }

        // one daemon per DATA_DIR: two would run every pair twice and interleave the ledger
        FileChannel lockChannel = FileChannel.open(settings.files().dataDir().resolve(".lock"),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        FileLock lock = lockChannel.tryLock();
        if (lock == null) {
            lockChannel.close();
            System.err.println("regolancer-orchestrator: DATA_DIR=" + settings.files().dataDir() + " is in use by another "
                    + "regolancer-orchestrator (it holds " + settings.files().dataDir().resolve(".lock") + "); accepted: one "
                    + "daemon per DATA_DIR");
            if (demoLndg != null) {
                demoLndg.close();
            }
            return EXIT_BAD_SETTING;
        }

        // the .env's keys this daemon does not use, and settings that work but may not be what was meant: a line each
        intake.findings(settings).forEach(finding -> LOG.warn(finding.line()));

        Lifecycle lifecycle = new Lifecycle();
        // Camel's Main (ours has its name)
        org.apache.camel.main.Main camel = new org.apache.camel.main.Main();
        camel.configure().addConfiguration(new OrchestratorConfiguration(settings, lifecycle));
        camel.setPropertyPlaceholderLocations("file:application.properties;optional=true,classpath:application.properties");
        // Camel Main reads its management server's keys as it starts, before the configuration puts the settings (these
        // keys among them) into the properties
        Properties server = new Properties();
        server.putAll(Settings.managementProperties(settings.monitoring().managementPort()));
        camel.setOverrideProperties(server);
        lifecycle.setOnFinished(camel::completed);

        camel.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport main) {
                LOG.info("regolancer-orchestrator started{}: LNDg {}, {} workers, cycle limit {} s, sleep {} s, amounts from {} sat, {}, {}, {}{}{}",
                        demo ? " (demo: stand-in LNDg and regolancer, Telegram to the log)" : "",
                        settings.lndg().baseUrl(), settings.run().maxWorkers(), settings.run().maxCycleSeconds(), settings.run().sleepSeconds(),
                        settings.amounts().initial(), feePolicyText(settings), waitsText(settings), budgetText(settings),
                        settings.run().dryRun() ? ", DRY RUN" : "", settings.telegram().sendPaymentMessages() ? ", Telegram on" : "");
                LndgTls.cleartext(settings.lndg().baseUrl())
                        .ifPresent(why -> LOG.warn("{}: {}", why.what(), why.todo()));
            }
        });
        // what regolancer ignores in the template, or what we change for it: said once
        TemplateCheck.warnings(settings.files().template())
                .forEach(warning -> LOG.warn("CONFIG_TEMPLATE={}: {}", settings.files().configTemplate(), warning));
        try {
            camel.run();
        } catch (Exception e) {
            // e.g. a broken edit in routes/: Camel's message names the file, line and column
            System.err.println("regolancer-orchestrator: could not start: " + e.getMessage());
            return EXIT_START_FAILED;
        } finally {
            lock.release();
            lockChannel.close();
            if (demoLndg != null) {
                demoLndg.close();
            }
        }
        return settings.run().runForever() ? 0 : lifecycle.exitCode();
    }
}
