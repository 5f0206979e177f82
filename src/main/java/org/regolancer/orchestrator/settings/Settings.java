package org.regolancer.orchestrator.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.regolancer.orchestrator.judgment.FeePolicy;
import org.regolancer.orchestrator.lndg.LndgTls;

/**
 * Every setting, validated and typed. Names follow the Python orchestrator's environment variables.
 * {@link #toString()} and {@link #toProperties()} never contain the LNDg password or the bot token.
 */
public record Settings(
        boolean dryRun,
        URI lndgBaseUrl,
        String lndgUser,
        String lndgPass,
        String telegramToken,
        String telegramChatId,
        URI telegramApiUrl,
        boolean sendRebalanceMsg,
        boolean sendRebalanceMsgLndg,
        boolean enableDailyReport,
        boolean regolancerLiveLogs,
        boolean logTemplateConfig,
        long amountInitial,
        BigDecimal amountIncreasePercent,
        long amountEveryRounds,
        int amountMaxIncreases,
        boolean runForever,
        long sleepSeconds,
        int maxWorkers,
        long maxCycleSeconds,
        boolean randomizePairs,
        boolean logOperational,
        boolean enableFileLogs,
        Path regolancerBin,
        Path configTemplate,
        ObjectNode template,
        Path dataDir,
        Set<String> excludeChannels,
        String reportCron,
        ZoneId reportZone,
        ZoneId lndgZone,
        int jmxPort,
        /** JMX_PASSWORD_FILE: the remote JMX users' file, or null when not set. */
        Path jmxPasswordFile,
        int managementPort,
        long readyMaxCycleAgeSeconds,
        long readyMaxLndgFailures,
        FeePolicy feePolicy,
        long retryWaitMinutes,
        long retryWaitMaxMinutes,
        int maxPendingHtlcs,
        boolean telegramCommands,
        Set<Long> telegramCommandUsers,
        long lndgRefreshSeconds,
        long booksDays,
        long refillBudgetPercent,
        long refillAllowanceSat,
        long maxFeePpm,
        LndgTls lndgTls,
        boolean demo) {

    /** Telegram is used when a token and a chat id are both set. */
    public boolean telegramConfigured() {
        return !telegramToken.isBlank() && !telegramChatId.isBlank();
    }

    /** How long without a completed cycle before readiness turns DOWN; 0 in the setting means automatic. */
    public java.time.Duration readyMaxCycleAge() {
        return java.time.Duration.ofSeconds(readyMaxCycleAgeSeconds > 0 ? readyMaxCycleAgeSeconds
                : 2 * maxCycleSeconds + Math.max(sleepSeconds, lndgRefreshSeconds) + 60);
    }

    /** The daily report runs when enabled and it has somewhere to go: Telegram, or the log in the demo. */
    public boolean reportsEnabled() {
        return enableDailyReport && (telegramConfigured() || demo);
    }

    /** The refill budget is on (REFILL_BUDGET_PERCENT above 0). */
    public boolean refillBudgetOn() {
        return refillBudgetPercent > 0;
    }

    /** The books are kept when something reads them: the refill budget, or the daily report (and /report). */
    public boolean booksKept() {
        return refillBudgetOn() || reportsEnabled() || telegramCommands;
    }

    /** MAX_FEE_PPM: the highest fee limit (ppm) a run may carry, or empty when off (0). */
    public java.util.OptionalLong maxFeeCeiling() {
        return maxFeePpm > 0 ? java.util.OptionalLong.of(maxFeePpm) : java.util.OptionalLong.empty();
    }

    public boolean sendPaymentMessages() {
        return sendRebalanceMsg && telegramConfigured();
    }

    /** LNDg's own completed rebalances are announced: asked for, and Telegram configured (else LNDg is not even asked). */
    public boolean sendLndgNotices() {
        return sendRebalanceMsgLndg && telegramConfigured();
    }

    /** Normalised values for Camel's property placeholders; secrets left out. */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("DRY_RUN", Boolean.toString(dryRun));
        p.put("LNDG_BASE_URL", lndgBaseUrl.toString());
        p.put("LNDG_TLS_CERT", lndgTls.file().map(Object::toString).orElse(""));
        p.put("TELEGRAM_CHAT_ID", telegramChatId);
        p.put("TELEGRAM_API_URL", telegramApiUrl.toString());
        p.put("SEND_REBALANCE_MSG", Boolean.toString(sendRebalanceMsg));
        p.put("SEND_REBALANCE_MSG_LNDG", Boolean.toString(sendRebalanceMsgLndg));
        p.put("ENABLE_DAILY_REPORT", Boolean.toString(enableDailyReport));
        p.put("REGOLANCER_LIVE_LOGS", Boolean.toString(regolancerLiveLogs));
        p.put("LOG_TEMPLATE_CONFIG", Boolean.toString(logTemplateConfig));
        p.put("AMOUNT_INITIAL", Long.toString(amountInitial));
        p.put("AMOUNT_INCREASE_PERCENT", amountIncreasePercent.toPlainString());
        p.put("AMOUNT_EVERY_ROUNDS", Long.toString(amountEveryRounds));
        p.put("AMOUNT_MAX_INCREASES", Integer.toString(amountMaxIncreases));
        p.put("RUN_FOREVER", Boolean.toString(runForever));
        p.put("SLEEP_SECONDS", Long.toString(sleepSeconds));
        p.put("LNDG_REFRESH_SECONDS", Long.toString(lndgRefreshSeconds));
        p.put("BOOKS_DAYS", Long.toString(booksDays));
        p.put("REFILL_BUDGET_PERCENT", Long.toString(refillBudgetPercent));
        p.put("REFILL_ALLOWANCE_SAT", Long.toString(refillAllowanceSat));
        p.put("MAX_FEE_PPM", Long.toString(maxFeePpm));
        p.put("MAX_WORKERS", Integer.toString(maxWorkers));
        p.put("MAX_CYCLE_SECONDS", Long.toString(maxCycleSeconds));
        p.put("RANDOMIZE_PAIRS", Boolean.toString(randomizePairs));
        p.put("LOG_OPERATIONAL", Boolean.toString(logOperational));
        p.put("ENABLE_FILE_LOGS", Boolean.toString(enableFileLogs));
        p.put("REGOLANCER_BIN", regolancerBin.toString());
        p.put("CONFIG_TEMPLATE", configTemplate.toString());
        p.put("DATA_DIR", dataDir.toString());
        p.put("EXCLUDE_CHANNELS", String.join(",", excludeChannels));
        p.put("REPORT_CRON", reportCron);
        p.put("REPORT_TIMEZONE", reportZone.getId());
        p.put("LNDG_TIMEZONE", lndgZone.getId());
        p.put("report.enabled", Boolean.toString(reportsEnabled()));
        p.put("report.telegram", Boolean.toString(enableDailyReport && telegramConfigured()));
        p.put("JMX_PORT", Integer.toString(jmxPort));
        p.put("JMX_PASSWORD_FILE", jmxPasswordFile == null ? "" : jmxPasswordFile.toString());
        p.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        p.put("READY_MAX_CYCLE_AGE_SECONDS", Long.toString(readyMaxCycleAgeSeconds));
        p.put("READY_MAX_LNDG_FAILURES", Long.toString(readyMaxLndgFailures));
        p.put("FEE_POLICY", feePolicy.name().toLowerCase(java.util.Locale.ROOT));
        p.put("RETRY_WAIT_MINUTES", Long.toString(retryWaitMinutes));
        p.put("RETRY_WAIT_MAX_MINUTES", Long.toString(retryWaitMaxMinutes));
        p.put("MAX_PENDING_HTLCS", Integer.toString(maxPendingHtlcs));
        p.put("TELEGRAM_COMMANDS", Boolean.toString(telegramCommands));
        p.put("TELEGRAM_COMMAND_USERS", String.join(",", telegramCommandUsers.stream().map(String::valueOf).toList()));
        p.put("commands.enabled", Boolean.toString(telegramCommands && telegramConfigured()));
        p.putAll(managementProperties(managementPort));
        // derived values the routes use
        p.put("cycle.delay-ms", Long.toString(Math.max(1, sleepSeconds * 1000)));
        p.put("cycle.repeat-count", runForever ? "0" : "1");
        // the notices' route sends to Telegram whenever some notice may be offered: ours, LNDg's or both
        p.put("notify.telegram", Boolean.toString(sendPaymentMessages() || sendLndgNotices()));
        p.put("lndg-notices.enabled", Boolean.toString(sendLndgNotices()));
        p.put("notify.log", Boolean.toString(demo && !sendPaymentMessages()));
        p.put("notify.enabled", Boolean.toString(sendPaymentMessages() || demo));
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
        return "Settings" + toProperties() + (lndgPass.isEmpty() ? "" : " LNDG_PASS=***")
                + (telegramToken.isEmpty() ? "" : " TELEGRAM_TOKEN=***");
    }
}
