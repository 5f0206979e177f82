package org.regolancer.orchestrator.settings;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.regolancer.orchestrator.judgment.FeePolicy;
import org.regolancer.orchestrator.pairing.AmountLadder;
import org.regolancer.orchestrator.pairing.ChannelId;

/** The settings of the cycle itself: its pace, its logs, the amount ladder and how pairs are judged. */
final class CycleReads {

    private static final Pattern PUBKEY = Pattern.compile("[0-9a-fA-F]{66}");

    private CycleReads() {
    }

    static Settings.Run run(SettingReader in) {
        boolean dryRun = in.bool("DRY_RUN");
        boolean runForever = in.bool("RUN_FOREVER");
        long sleepSeconds = in.number("SLEEP_SECONDS", 0, 86_400);
        int maxWorkers = (int) in.number("MAX_WORKERS", 1, 64);
        long maxCycleSeconds = in.number("MAX_CYCLE_SECONDS", 10, 86_400);
        return new Settings.Run(dryRun, runForever, sleepSeconds, maxWorkers, maxCycleSeconds);
    }

    static Settings.Logs logs(SettingReader in) {
        boolean regolancerLive = in.bool("REGOLANCER_LIVE_LOGS");
        boolean templateConfig = in.bool("LOG_TEMPLATE_CONFIG");
        boolean operational = in.bool("LOG_OPERATIONAL");
        boolean fileLogs = in.bool("ENABLE_FILE_LOGS");
        return new Settings.Logs(operational, templateConfig, regolancerLive, fileLogs);
    }

    static Settings.Amounts amounts(SettingReader in) {
        long initial = in.number("AMOUNT_INITIAL", 1, 100_000_000);
        BigDecimal increase = in.decimal("AMOUNT_INCREASE_PERCENT", 0, 10_000);
        long everyRounds = in.number("AMOUNT_EVERY_ROUNDS", 1, 1_000_000);
        int maxIncreases = (int) in.number("AMOUNT_MAX_INCREASES", 0, 100);
        long highest = new AmountLadder(initial, increase, everyRounds, maxIncreases).highest();
        if (highest > SettingsLoader.MAX_AMOUNT_SAT) {
            throw new SettingsException("AMOUNT_INITIAL, AMOUNT_INCREASE_PERCENT and AMOUNT_MAX_INCREASES together reach "
                    + highest + " sats; accepted: at most " + SettingsLoader.MAX_AMOUNT_SAT + " sats (10 BTC) at the top of "
                    + "the ladder");
        }
        return new Settings.Amounts(initial, increase, everyRounds, maxIncreases);
    }

    static Settings.Judgment judgment(SettingReader in) {
        boolean randomizePairs = in.bool("RANDOMIZE_PAIRS");
        long booksDays = in.number("BOOKS_DAYS", 1, 365);
        long refillBudgetPercent = in.number("REFILL_BUDGET_PERCENT", 0, 10_000);
        long refillAllowanceSat = in.number("REFILL_ALLOWANCE_SAT", 0, 100_000_000);
        long maxFeePpm = in.number("MAX_FEE_PPM", 0, 1_000_000);
        Set<String> excluded = excluded(in);
        FeePolicy feePolicy = feePolicy(in);
        long retryWait = in.number("RETRY_WAIT_MINUTES", 0, 1_440);
        long retryWaitMax = in.number("RETRY_WAIT_MAX_MINUTES", 1, 10_080);
        if (retryWaitMax < retryWait) {
            throw new SettingsException("RETRY_WAIT_MAX_MINUTES=" + retryWaitMax + " is below RETRY_WAIT_MINUTES=" + retryWait
                    + "; accepted: RETRY_WAIT_MAX_MINUTES at least RETRY_WAIT_MINUTES (the longest wait at least the first)");
        }
        int maxPendingHtlcs = (int) in.number("MAX_PENDING_HTLCS", 0, 483);
        return new Settings.Judgment(feePolicy, retryWait, retryWaitMax, maxPendingHtlcs, maxFeePpm, excluded, randomizePairs,
                booksDays, refillBudgetPercent, refillAllowanceSat);
    }

    private static FeePolicy feePolicy(SettingReader in) {
        String value = in.required("FEE_POLICY");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "lndg" -> FeePolicy.LNDG;
            case "template" -> FeePolicy.TEMPLATE;
            default -> throw new SettingsException("FEE_POLICY=" + value + " is invalid; accepted: lndg (LNDg's fee cap per "
                    + "target) or template (the template's fee keys for every pair)");
        };
    }

    private static Set<String> excluded(SettingReader in) {
        Set<String> ids = new LinkedHashSet<>();
        for (String item : in.text("EXCLUDE_CHANNELS").split(",")) {
            String id = item.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (!ChannelId.isValid(id) && !PUBKEY.matcher(id).matches()) {
                throw new SettingsException("EXCLUDE_CHANNELS has '" + id + "'; accepted: a comma list of numeric chan_ids "
                        + "or 66-hex peer pubkeys");
            }
            ids.add(id);
        }
        return ids;
    }
}
