package org.regolancer.orchestrator.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.regolancer.orchestrator.judgment.FeePolicy;
import org.regolancer.orchestrator.lndg.LndgTls;

/**
 * Every setting, validated and typed, in groups ({@code settings.lndg().baseUrl()}). Names follow the Python
 * orchestrator's environment variables. {@link #toString()} and {@link #toProperties()} never contain the LNDg
 * password or the bot token.
 */
public record Settings(Lndg lndg, Telegram telegram, Amounts amounts, Judgment judgment, Report report,
        Monitoring monitoring, Run run, Files files, Logs logs, boolean demo) {

    /** LNDG_*: where LNDg is, who we log in as, which certificates we trust for it, its clock, how often it is read. */
    public record Lndg(URI baseUrl, String user, String pass, LndgTls tls, ZoneId zone, long refreshSeconds) {
        @Override
        public String toString() {
            return "Lndg[baseUrl=" + baseUrl + ", user=" + user + (pass.isEmpty() ? "" : ", pass=***") + "]";
        }
    }

    /** TELEGRAM_*, SEND_REBALANCE_MSG*: the bot, the chat, what is sent there and who may command the daemon. */
    public record Telegram(String token, String chatId, URI apiUrl, boolean sendRebalanceMsg, boolean sendRebalanceMsgLndg,
            boolean commands, Set<Long> commandUsers) {

        /** Telegram is used when a token and a chat id are both set. */
        public boolean configured() {
            return !token.isBlank() && !chatId.isBlank();
        }

        public boolean sendPaymentMessages() {
            return sendRebalanceMsg && configured();
        }

        /** LNDg's own completed rebalances are announced: asked for, and Telegram configured (else LNDg is not even asked). */
        public boolean sendLndgNotices() {
            return sendRebalanceMsgLndg && configured();
        }

        @Override
        public String toString() {
            return "Telegram[chatId=" + chatId + ", apiUrl=" + apiUrl + (token.isEmpty() ? "" : ", token=***") + "]";
        }
    }

    /** AMOUNT_*: the amount ladder each pair climbs. */
    public record Amounts(long initial, BigDecimal increasePercent, long everyRounds, int maxIncreases) {
    }

    /** How pairs are judged: fee policy, waits, pending HTLCs, the fee ceiling, exclusions, order and the refill budget. */
    public record Judgment(FeePolicy feePolicy, long retryWaitMinutes, long retryWaitMaxMinutes, int maxPendingHtlcs,
            long maxFeePpm, Set<String> excludeChannels, boolean randomizePairs, long booksDays, long refillBudgetPercent,
            long refillAllowanceSat) {

        /** The refill budget is on (REFILL_BUDGET_PERCENT above 0). */
        public boolean refillBudgetOn() {
            return refillBudgetPercent > 0;
        }

        /** MAX_FEE_PPM: the highest fee limit (ppm) a run may carry, or empty when off (0). */
        public OptionalLong maxFeeCeiling() {
            return maxFeePpm > 0 ? OptionalLong.of(maxFeePpm) : OptionalLong.empty();
        }
    }

    /** ENABLE_DAILY_REPORT, REPORT_CRON, REPORT_TIMEZONE. */
    public record Report(boolean enableDaily, String cron, ZoneId zone) {
    }

    /** JMX, the management server and readiness. JMX_PASSWORD_FILE is null when not set. */
    public record Monitoring(int jmxPort, Path jmxPasswordFile, int managementPort, long readyMaxCycleAgeSeconds,
            long readyMaxLndgFailures) {
    }

    /** The cycle: dry run, forever or once, its pace, its workers and its time limit. */
    public record Run(boolean dryRun, boolean runForever, long sleepSeconds, int maxWorkers, long maxCycleSeconds) {
    }

    /** REGOLANCER_BIN, CONFIG_TEMPLATE (and the template read from it), DATA_DIR. */
    public record Files(Path regolancerBin, Path configTemplate, ObjectNode template, Path dataDir) {
    }

    /** LOG_OPERATIONAL, LOG_TEMPLATE_CONFIG, REGOLANCER_LIVE_LOGS, ENABLE_FILE_LOGS. */
    public record Logs(boolean operational, boolean templateConfig, boolean regolancerLive, boolean fileLogs) {
    }

    /** How long without a completed cycle before readiness turns DOWN; 0 in the setting means automatic. */
    public Duration readyMaxCycleAge() {
        return Duration.ofSeconds(monitoring.readyMaxCycleAgeSeconds() > 0 ? monitoring.readyMaxCycleAgeSeconds()
                : 2 * run.maxCycleSeconds() + Math.max(run.sleepSeconds(), lndg.refreshSeconds()) + 60);
    }

    /** The daily report runs when enabled and it has somewhere to go: Telegram, or the log in the demo. */
    public boolean reportsEnabled() {
        return report.enableDaily() && (telegram.configured() || demo);
    }

    /** The books are kept when something reads them: the refill budget, or the daily report (and /report). */
    public boolean booksKept() {
        return judgment.refillBudgetOn() || reportsEnabled() || telegram.commands();
    }

    /** Normalised values for Camel's property placeholders; secrets left out. */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("DRY_RUN", Boolean.toString(run.dryRun()));
        p.put("LNDG_BASE_URL", lndg.baseUrl().toString());
        p.put("LNDG_TLS_CERT", lndg.tls().file().map(Object::toString).orElse(""));
        p.put("TELEGRAM_CHAT_ID", telegram.chatId());
        p.put("TELEGRAM_API_URL", telegram.apiUrl().toString());
        p.put("SEND_REBALANCE_MSG", Boolean.toString(telegram.sendRebalanceMsg()));
        p.put("SEND_REBALANCE_MSG_LNDG", Boolean.toString(telegram.sendRebalanceMsgLndg()));
        p.put("ENABLE_DAILY_REPORT", Boolean.toString(report.enableDaily()));
        p.put("REGOLANCER_LIVE_LOGS", Boolean.toString(logs.regolancerLive()));
        p.put("LOG_TEMPLATE_CONFIG", Boolean.toString(logs.templateConfig()));
        p.put("AMOUNT_INITIAL", Long.toString(amounts.initial()));
        p.put("AMOUNT_INCREASE_PERCENT", amounts.increasePercent().toPlainString());
        p.put("AMOUNT_EVERY_ROUNDS", Long.toString(amounts.everyRounds()));
        p.put("AMOUNT_MAX_INCREASES", Integer.toString(amounts.maxIncreases()));
        p.put("RUN_FOREVER", Boolean.toString(run.runForever()));
        p.put("SLEEP_SECONDS", Long.toString(run.sleepSeconds()));
        p.put("LNDG_REFRESH_SECONDS", Long.toString(lndg.refreshSeconds()));
        p.put("BOOKS_DAYS", Long.toString(judgment.booksDays()));
        p.put("REFILL_BUDGET_PERCENT", Long.toString(judgment.refillBudgetPercent()));
        p.put("REFILL_ALLOWANCE_SAT", Long.toString(judgment.refillAllowanceSat()));
        p.put("MAX_FEE_PPM", Long.toString(judgment.maxFeePpm()));
        p.put("MAX_WORKERS", Integer.toString(run.maxWorkers()));
        p.put("MAX_CYCLE_SECONDS", Long.toString(run.maxCycleSeconds()));
        p.put("RANDOMIZE_PAIRS", Boolean.toString(judgment.randomizePairs()));
        p.put("LOG_OPERATIONAL", Boolean.toString(logs.operational()));
        p.put("ENABLE_FILE_LOGS", Boolean.toString(logs.fileLogs()));
        p.put("REGOLANCER_BIN", files.regolancerBin().toString());
        p.put("CONFIG_TEMPLATE", files.configTemplate().toString());
        p.put("DATA_DIR", files.dataDir().toString());
        p.put("EXCLUDE_CHANNELS", String.join(",", judgment.excludeChannels()));
        p.put("REPORT_CRON", report.cron());
        p.put("REPORT_TIMEZONE", report.zone().getId());
        p.put("LNDG_TIMEZONE", lndg.zone().getId());
        p.put("report.enabled", Boolean.toString(reportsEnabled()));
        p.put("report.telegram", Boolean.toString(report.enableDaily() && telegram.configured()));
        p.put("JMX_PORT", Integer.toString(monitoring.jmxPort()));
        p.put("JMX_PASSWORD_FILE", monitoring.jmxPasswordFile() == null ? "" : monitoring.jmxPasswordFile().toString());
        p.put("MANAGEMENT_PORT", Integer.toString(monitoring.managementPort()));
        p.put("READY_MAX_CYCLE_AGE_SECONDS", Long.toString(monitoring.readyMaxCycleAgeSeconds()));
        p.put("READY_MAX_LNDG_FAILURES", Long.toString(monitoring.readyMaxLndgFailures()));
        p.put("FEE_POLICY", judgment.feePolicy().name().toLowerCase(Locale.ROOT));
        p.put("RETRY_WAIT_MINUTES", Long.toString(judgment.retryWaitMinutes()));
        p.put("RETRY_WAIT_MAX_MINUTES", Long.toString(judgment.retryWaitMaxMinutes()));
        p.put("MAX_PENDING_HTLCS", Integer.toString(judgment.maxPendingHtlcs()));
        p.put("TELEGRAM_COMMANDS", Boolean.toString(telegram.commands()));
        p.put("TELEGRAM_COMMAND_USERS", String.join(",", telegram.commandUsers().stream().map(String::valueOf).toList()));
        p.put("commands.enabled", Boolean.toString(telegram.commands() && telegram.configured()));
        p.putAll(managementProperties(monitoring.managementPort()));
        // derived values the routes use
        p.put("cycle.delay-ms", Long.toString(Math.max(1, run.sleepSeconds() * 1000)));
        p.put("cycle.repeat-count", run.runForever() ? "0" : "1");
        // the notices' route sends to Telegram whenever some notice may be offered: ours, LNDg's or both
        p.put("notify.telegram", Boolean.toString(telegram.sendPaymentMessages() || telegram.sendLndgNotices()));
        p.put("lndg-notices.enabled", Boolean.toString(telegram.sendLndgNotices()));
        p.put("notify.log", Boolean.toString(demo && !telegram.sendPaymentMessages()));
        p.put("notify.enabled", Boolean.toString(telegram.sendPaymentMessages() || demo));
        return p;
    }

    /** Camel Main's keys for its management server (health, metrics): on 127.0.0.1 only, or off when port is 0. */
    public static Map<String, String> managementProperties(int port) {
        Map<String, String> p = new LinkedHashMap<>();
        boolean on = port > 0;
        p.put("camel.management.enabled", Boolean.toString(on));
        p.put("camel.metrics.enabled", Boolean.toString(on));
        if (on) {
            p.put("camel.management.host", "127.0.0.1");
            p.put("camel.management.port", Integer.toString(port));
            p.put("camel.management.health-check-enabled", "true");
            p.put("camel.management.metrics-enabled", "true");
            p.put("camel.health.enabled", "true");
            // our readiness check (and Camel's context check) only: Camel's checks of consumers, routes and producers
            // show the failing request's URI (the bot token in it) and turn readiness DOWN on a Telegram hiccup
            p.put("camel.health.consumers-enabled", "false");
            p.put("camel.health.routes-enabled", "false");
            p.put("camel.health.producers-enabled", "false");
            // every check with its message, also when UP (readiness says "paused" then)
            p.put("camel.health.exposure-level", "full");
            // no per-exchange timing: our counters are what matters, and the daemon stays light
            p.put("camel.metrics.enable-route-policy", "false");
            p.put("camel.metrics.enable-exchange-event-notifier", "false");
            p.put("camel.metrics.enable-route-event-notifier", "false");
        }
        return p;
    }

    @Override
    public String toString() {
        return "Settings" + toProperties() + (lndg.pass().isEmpty() ? "" : " LNDG_PASS=***")
                + (telegram.token().isEmpty() ? "" : " TELEGRAM_TOKEN=***");
    }
}
