package org.regolancer.orchestrator.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.regolancer.orchestrator.cycle.Lifecycle;
import org.regolancer.orchestrator.settings.Settings;
import org.regolancer.orchestrator.settings.SettingsException;
import org.regolancer.orchestrator.settings.SettingsLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar regolancer-orchestrator.jar [--profile demo]}: validates every setting before Camel starts
 * (one line and exit 2 on a bad one), then runs Camel Main with the routes in {@code routes/}.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger("org.regolancer.orchestrator");
    static final int EXIT_BAD_SETTING = 2;
    static final int EXIT_START_FAILED = 1;
    static final String USAGE = "usage: java -jar target/regolancer-orchestrator.jar [--profile demo]\n"
            + "       java -jar target/regolancer-orchestrator.jar report [--date YYYY-MM-DD] [--chart FILE] [--profile demo]";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String profile = null;
        boolean report = false;
        LocalDate date = null;
        Path chart = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            try {
                if ((arg.equals("--profile") || arg.equals("-profile")) && i + 1 < args.length) {
                    profile = args[++i];
                } else if (arg.startsWith("--profile=")) {
                    profile = arg.substring("--profile=".length());
                } else if (arg.equals("report") && i == 0) {
                    report = true;
                } else if (report && arg.equals("--date") && i + 1 < args.length) {
                    date = LocalDate.parse(args[++i]);
                } else if (report && arg.equals("--chart") && i + 1 < args.length) {
                    chart = Path.of(args[++i]);
                } else if (arg.equals("--help") || arg.equals("-h")) {
                    System.out.println(USAGE);
                    return;
                } else {
                    System.err.println("regolancer-orchestrator: unknown argument '" + arg + "'; " + USAGE);
                    System.exit(EXIT_BAD_SETTING);
                }
            } catch (java.time.format.DateTimeParseException e) {
                System.err.println("regolancer-orchestrator: --date " + args[i] + " is invalid; accepted: YYYY-MM-DD");
                System.exit(EXIT_BAD_SETTING);
            }
        }
        System.exit(report ? ReportCommand.run(profile, date, chart) : run(profile));
    }

    /** Every setting, validated; in the demo, pointed at the demo's loopback LNDg. */
    static Settings settings(Path workingDir, String profile, DemoLndg demoLndg) {
        Map<String, String> raw = RawSettings.load(workingDir, profile, System.getenv());
        if (demoLndg != null) {
            raw.put("LNDG_BASE_URL", demoLndg.baseUrl());
            raw.put("LNDG_USER", DemoLndg.USER);
            raw.put("LNDG_PASS", DemoLndg.PASSWORD);
        }
        return SettingsLoader.load(raw::get, workingDir, demoLndg != null);
    }

    /** The start-up line's words for the fee policy. */
    static String feePolicyText(Settings settings) {
        return settings.feePolicy() == org.regolancer.orchestrator.judgment.FeePolicy.LNDG
                ? "fee policy lndg (each target's ar_max_cost, capped at LNDg's AR-MaxFeeRate)"
                : "fee policy template (the template's fee keys)";
    }

    static String waitsText(Settings settings) {
        String htlcs = settings.maxPendingHtlcs() > 0 ? "channels with " + settings.maxPendingHtlcs() + "+ pending HTLCs left alone"
                : "no HTLC limit";
        return (settings.retryWaitMinutes() > 0 ? "failed pairs rest " + settings.retryWaitMinutes() + "–"
                + settings.retryWaitMaxMinutes() + " min" : "failed pairs never rest") + ", " + htlcs;
    }

    static int run(String profile) throws Exception {
        Path workingDir = Path.of("").toAbsolutePath();
        boolean demo = "demo".equals(profile);
        DemoLndg demoLndg = null;
        Settings settings;
        try {
            if (!java.nio.file.Files.isDirectory(workingDir.resolve("routes"))) {
                throw new SettingsException("no routes/ folder in " + workingDir
                        + "; start the daemon in its install folder (where application.properties and routes/ are)");
            }
            if (demo) {
                demoLndg = DemoLndg.start();
            }
            settings = settings(workingDir, profile, demoLndg);
        } catch (SettingsException e) {
            System.err.println("regolancer-orchestrator: " + e.getMessage());
            if (demoLndg != null) {
                demoLndg.close();
            }
            return EXIT_BAD_SETTING;
        }

        // one daemon per DATA_DIR: two would run every pair twice and interleave the ledger
        java.nio.channels.FileChannel lockChannel = java.nio.channels.FileChannel.open(settings.dataDir().resolve(".lock"),
                java.util.Set.of(java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE),
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        java.nio.channels.FileLock lock = lockChannel.tryLock();
        if (lock == null) {
            lockChannel.close();
            System.err.println("regolancer-orchestrator: DATA_DIR=" + settings.dataDir() + " is in use by another "
                    + "regolancer-orchestrator (it holds " + settings.dataDir().resolve(".lock") + "); accepted: one "
                    + "daemon per DATA_DIR");
            if (demoLndg != null) {
                demoLndg.close();
            }
            return EXIT_BAD_SETTING;
        }

        Lifecycle lifecycle = new Lifecycle();
        org.apache.camel.main.Main camel = new org.apache.camel.main.Main();
        camel.configure().addConfiguration(new OrchestratorConfiguration(settings, lifecycle));
        camel.setPropertyPlaceholderLocations("file:application.properties;optional=true,classpath:application.properties");
        Properties normalised = new Properties();
        normalised.putAll(settings.toProperties());
        camel.setOverrideProperties(normalised);
        lifecycle.setOnFinished(camel::completed);

        camel.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport main) {
                LOG.info("regolancer-orchestrator started{}: LNDg {}, {} workers, cycle limit {} s, sleep {} s, amounts from {} sat, {}, {}{}{}",
                        demo ? " (demo: stand-in LNDg and regolancer, Telegram to the log)" : "",
                        settings.lndgBaseUrl(), settings.maxWorkers(), settings.maxCycleSeconds(), settings.sleepSeconds(),
                        settings.amountInitial(), feePolicyText(settings), waitsText(settings),
                        settings.dryRun() ? ", DRY RUN" : "", settings.sendPaymentMessages() ? ", Telegram on" : "");
            }
        });
        javax.management.remote.JMXConnectorServer jmx = null;
        try {
            if (settings.jmxPort() > 0) {
                jmx = Jmx.remote(settings.jmxPort());
            }
            camel.run();
        } catch (Exception e) {
            // e.g. a broken edit in routes/: Camel's message names the file, line and column
            System.err.println("regolancer-orchestrator: could not start: " + e.getMessage());
            return EXIT_START_FAILED;
        } finally {
            if (jmx != null) {
                jmx.stop();
            }
            lock.release();
            lockChannel.close();
            if (demoLndg != null) {
                demoLndg.close();
            }
        }
        return settings.runForever() ? 0 : lifecycle.exitCode();
    }
}
