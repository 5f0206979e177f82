package org.regolancer.orchestrator.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.regolancer.orchestrator.judgment.FeePolicy;
import org.regolancer.orchestrator.lndg.LndgTls;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.pairing.AmountLadder;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.regolancer.TemplateCheck;

/**
 * Reads every setting from one lookup (environment over {@code .env} over {@code application.properties}) and
 * validates it. The first bad setting throws a {@link SettingsException} whose message names it and what it
 * accepts. Relative paths resolve against the working directory.
 */
public final class SettingsLoader {

    /** Largest amount the ladder may reach: 10 BTC. */
    public static final long MAX_AMOUNT_SAT = 1_000_000_000L;

    private static final Pattern PUBKEY = Pattern.compile("[0-9a-fA-F]{66}");
    private static final Pattern CHAT_ID = Pattern.compile("-?[0-9]{1,20}|@[A-Za-z0-9_]{4,64}");
    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");
    private static final Set<String> FALSE = Set.of("0", "false", "no", "off");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, String> raw;
    private final Path workingDir;
    /** For {@code check}: files are looked at by the check itself, nothing is created, no problem with them stops it. */
    private final java.util.List<String> fileProblems;

    private SettingsLoader(Function<String, String> raw, Path workingDir, java.util.List<String> fileProblems) {
        this.raw = raw;
        this.workingDir = workingDir;
        this.fileProblems = fileProblems;
    }

    public static Settings load(Function<String, String> raw, Path workingDir, boolean demo) {
        return new SettingsLoader(raw, workingDir.toAbsolutePath().normalize(), null).load(demo);
    }

    /** The settings as {@code check} reads them, and what is wrong with the files they name. */
    public record ForCheck(Settings settings, java.util.List<String> fileProblems) {
    }

    /**
     * Reads the settings as the daemon does, except that it creates nothing (not even DATA_DIR) and does not stop at a
     * missing binary or a bad template: those are returned as problems. A setting that cannot be read at all still
     * throws.
     */
    public static ForCheck forCheck(Function<String, String> raw, Path workingDir, boolean demo) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        Settings settings = new SettingsLoader(raw, workingDir.toAbsolutePath().normalize(), problems).load(demo);
        return new ForCheck(settings, java.util.List.copyOf(problems));
    }

    private Settings load(boolean demo) {
        // plain values first, then what needs the file system, so the message names the first real mistake
        boolean dryRun = bool("DRY_RUN");
        boolean sendRebalanceMsg = sendRebalanceMsg();
        boolean sendRebalanceMsgLndg = bool("SEND_REBALANCE_MSG_LNDG");
        boolean enableDailyReport = bool("ENABLE_DAILY_REPORT");
        boolean liveLogs = bool("REGOLANCER_LIVE_LOGS");
        boolean logTemplateConfig = bool("LOG_TEMPLATE_CONFIG");
        boolean runForever = bool("RUN_FOREVER");
        boolean randomizePairs = bool("RANDOMIZE_PAIRS");
        boolean logOperational = bool("LOG_OPERATIONAL");
        boolean enableFileLogs = bool("ENABLE_FILE_LOGS");
        long amountInitial = number("AMOUNT_INITIAL", 1, 100_000_000);
        BigDecimal increase = decimal("AMOUNT_INCREASE_PERCENT", 0, 10_000);
        long everyRounds = number("AMOUNT_EVERY_ROUNDS", 1, 1_000_000);
        int maxIncreases = (int) number("AMOUNT_MAX_INCREASES", 0, 100);
        long highest = new AmountLadder(amountInitial, increase, everyRounds, maxIncreases).highest();
        if (highest > MAX_AMOUNT_SAT) {
            throw new SettingsException("AMOUNT_INITIAL, AMOUNT_INCREASE_PERCENT and AMOUNT_MAX_INCREASES together reach "
                    + highest + " sats; accepted: at most " + MAX_AMOUNT_SAT + " sats (10 BTC) at the top of the ladder");
        }
        long sleepSeconds = number("SLEEP_SECONDS", 0, 86_400);
        long lndgRefreshSeconds = number("LNDG_REFRESH_SECONDS", 0, 300);
        long booksDays = number("BOOKS_DAYS", 1, 365);
        long refillBudgetPercent = number("REFILL_BUDGET_PERCENT", 0, 10_000);
        long refillAllowanceSat = number("REFILL_ALLOWANCE_SAT", 0, 100_000_000);
        long maxFeePpm = number("MAX_FEE_PPM", 0, 1_000_000);
        int maxWorkers = (int) number("MAX_WORKERS", 1, 64);
        long maxCycleSeconds = number("MAX_CYCLE_SECONDS", 10, 86_400);
        URI lndgBaseUrl = httpUrl("LNDG_BASE_URL");
        LndgTls lndgTls = lndgTls();
        URI telegramApiUrl = httpUrl("TELEGRAM_API_URL");
        String user = text("LNDG_USER");
        String pass = text("LNDG_PASS");
        if (user.isEmpty() || pass.isEmpty()) {
            throw new SettingsException("LNDG_USER and LNDG_PASS must both be set: the user name and password you log in to "
                    + "LNDg's web page with");
        }
        String chatId = text("TELEGRAM_CHAT_ID");
        if (!chatId.isEmpty() && !CHAT_ID.matcher(chatId).matches()) {
            throw new SettingsException("TELEGRAM_CHAT_ID=" + chatId + " is invalid; accepted: a numeric chat id or @channelname");
        }
        if (bool("TELEGRAM_COMMANDS") && (chatId.isEmpty() || text("TELEGRAM_TOKEN").isEmpty())) {
            throw new SettingsException("TELEGRAM_COMMANDS=true needs TELEGRAM_TOKEN and TELEGRAM_CHAT_ID; accepted: false, "
                    + "or true with both set");
        }
        Set<String> excluded = excluded();
        String reportCron = text("REPORT_CRON");
        if (!org.quartz.CronExpression.isValidExpression(reportCron)) {
            throw new SettingsException("REPORT_CRON=" + reportCron + " is invalid; accepted: a Quartz cron expression "
                    + "(seconds minutes hours day-of-month month day-of-week), e.g. 0 59 23 * * ?");
        }
        ZoneId reportZone = zone("REPORT_TIMEZONE", ZoneId.systemDefault());
        ZoneId lndgZone = zone("LNDG_TIMEZONE", java.time.ZoneOffset.UTC);
        int jmxPort = (int) number("JMX_PORT", 0, 65_535);
        // whether the file is fit for use is judged where remote JMX starts (and by check): a bad one costs remote JMX only
        Path jmxPasswordFile = text("JMX_PASSWORD_FILE").isEmpty() ? null : path("JMX_PASSWORD_FILE");
        int managementPort = (int) number("MANAGEMENT_PORT", 0, 65_535);
        long readyMaxCycleAge = number("READY_MAX_CYCLE_AGE_SECONDS", 0, 604_800);
        long readyMaxLndgFailures = number("READY_MAX_LNDG_FAILURES", 1, 1_000_000);
        FeePolicy feePolicy = feePolicy();
        long retryWait = number("RETRY_WAIT_MINUTES", 0, 1_440);
        long retryWaitMax = number("RETRY_WAIT_MAX_MINUTES", 1, 10_080);
        if (retryWaitMax < retryWait) {
            throw new SettingsException("RETRY_WAIT_MAX_MINUTES=" + retryWaitMax + " is below RETRY_WAIT_MINUTES=" + retryWait
                    + "; accepted: RETRY_WAIT_MAX_MINUTES at least RETRY_WAIT_MINUTES (the longest wait at least the first)");
        }
        int maxPendingHtlcs = (int) number("MAX_PENDING_HTLCS", 0, 483);
        boolean telegramCommands = bool("TELEGRAM_COMMANDS");
        Set<Long> commandUsers = userIds("TELEGRAM_COMMAND_USERS");
        Path templateFile = path("CONFIG_TEMPLATE");
        ObjectNode template = template(templateFile, amountInitial);
        Path bin = path("REGOLANCER_BIN");
        if (fileProblems == null && !dryRun && !(Files.isRegularFile(bin) && Files.isExecutable(bin))) {
            throw new SettingsException("REGOLANCER_BIN=" + bin + " is not an executable file; accepted: the path of the "
                    + "regolancer binary (or set DRY_RUN=true)");
        }
        Path dataDir = dataDir();
        return new Settings(dryRun, lndgBaseUrl, user, pass, text("TELEGRAM_TOKEN"), chatId, telegramApiUrl,
                sendRebalanceMsg, sendRebalanceMsgLndg, enableDailyReport, liveLogs, logTemplateConfig, amountInitial, increase, everyRounds,
                maxIncreases, runForever, sleepSeconds, maxWorkers, maxCycleSeconds, randomizePairs, logOperational,
                enableFileLogs, bin, templateFile, template, dataDir, excluded, reportCron, reportZone, lndgZone, jmxPort, jmxPasswordFile,
                managementPort, readyMaxCycleAge, readyMaxLndgFailures, feePolicy, retryWait, retryWaitMax, maxPendingHtlcs,
                telegramCommands, commandUsers, lndgRefreshSeconds, booksDays, refillBudgetPercent, refillAllowanceSat, maxFeePpm,
                lndgTls, demo);
    }

    /**
     * Our own payment notices: SEND_REBALANCE_MSG, or the Python orchestrator's newer name for it,
     * SEND_REBALANCE_MSG_REGO_ORCH, which wins when both are set (application.properties leaves it empty: not set).
     */
    private boolean sendRebalanceMsg() {
        return text("SEND_REBALANCE_MSG_REGO_ORCH").isEmpty() ? bool("SEND_REBALANCE_MSG") : bool("SEND_REBALANCE_MSG_REGO_ORCH");
    }

    private String text(String name) {
        String value = raw.apply(name);
        return value == null ? "" : value.strip();
    }

    private String required(String name) {
        String value = text(name);
        if (value.isEmpty()) {
            throw new SettingsException(name + " is not set; application.properties holds its default");
        }
        return value;
    }

    private boolean bool(String name) {
        String value = required(name).toLowerCase(Locale.ROOT);
        if (TRUE.contains(value)) {
            return true;
        }
        if (FALSE.contains(value)) {
            return false;
        }
        throw new SettingsException(name + "=" + text(name) + " is not a boolean; accepted: 1/true/yes/on or 0/false/no/off");
    }

    private FeePolicy feePolicy() {
        String value = required("FEE_POLICY");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "lndg" -> FeePolicy.LNDG;
            case "template" -> FeePolicy.TEMPLATE;
            default -> throw new SettingsException("FEE_POLICY=" + value + " is invalid; accepted: lndg (LNDg's fee cap per "
                    + "target) or template (the template's fee keys for every pair)");
        };
    }

    private long number(String name, long min, long max) {
        String value = required(name);
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingsException(name + "=" + value + " is invalid; accepted: a whole number from " + min + " to " + max);
    }

    private BigDecimal decimal(String name, long min, long max) {
        String value = required(name);
        try {
            BigDecimal n = new BigDecimal(value);
            if (n.compareTo(BigDecimal.valueOf(min)) >= 0 && n.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingsException(name + "=" + value + " is invalid; accepted: a number from " + min + " to " + max);
    }

    /** A time zone id such as Europe/Berlin or UTC; empty means the given default. */
    private ZoneId zone(String name, ZoneId fallback) {
        String value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return ZoneId.of(value);
        } catch (java.time.DateTimeException e) {
            throw new SettingsException(name + "=" + value + " is invalid; accepted: a time zone id such as UTC or "
                    + "Europe/Berlin, or empty for " + fallback.getId());
        }
    }

    private URI httpUrl(String name) {
        String value = required(name);
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new SettingsException(name + "=" + value + " is invalid; accepted: an http:// or https:// URL with a host "
                + "and no user, query or fragment (e.g. http://localhost:8889)");
    }

    /** LNDG_TLS_CERT: empty for the system's trust only, else a PEM file of certificates trusted for LNDg besides it. */
    private LndgTls lndgTls() {
        if (text("LNDG_TLS_CERT").isEmpty()) {
            return LndgTls.SYSTEM;
        }
        Path file = path("LNDG_TLS_CERT");
        try {
            return LndgTls.read(file);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("LNDG_TLS_CERT=" + file + " " + e.getMessage() + "; accepted: a readable PEM file "
                    + "with one or more certificates (-----BEGIN CERTIFICATE-----), or empty for the system's trust only");
        }
    }

    private Path path(String name) {
        String value = required(name);
        try {
            return workingDir.resolve(value).normalize();
        } catch (InvalidPathException e) {
            throw new SettingsException(name + "=" + value + " is not a valid path");
        }
    }

    private ObjectNode template(Path file, long lowestAmount) {
        try {
            JsonNode node;
            try {
                node = JSON.readTree(Files.readString(file));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SettingsException("CONFIG_TEMPLATE=" + file + " is not valid JSON: " + jsonError(e)
                        + "; accepted: a regolancer JSON config");
            } catch (IOException e) {
                throw new SettingsException("CONFIG_TEMPLATE=" + file + " cannot be read as JSON ("
                        + ErrorLog.describe(e) + "); accepted: a readable regolancer JSON config");
            }
            TemplateCheck.problem(node, lowestAmount).ifPresent(problem -> {
                throw new SettingsException("CONFIG_TEMPLATE=" + file + ": " + problem);
            });
            return (ObjectNode) node;
        } catch (SettingsException e) {
            if (fileProblems == null) {
                throw e;
            }
            fileProblems.add(e.getMessage());
            return JSON.createObjectNode();
        }
    }

    /**
     * Jackson's complaint in one line, its line and column first: "line 4, column 1: unexpected character '}', was
     * expecting double-quote to start field name" (not its two lines naming its own source and feature names).
     */
    static String jsonError(com.fasterxml.jackson.core.JsonProcessingException e) {
        String what = String.valueOf(e.getOriginalMessage()).replaceAll(" \\(code -?\\d+\\)", "")
                .replaceAll("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replaceAll("\\s+", " ").strip();
        if (what.startsWith("Unexpected character ('") && what.indexOf("'):", 23) > 0) {
            // "Unexpected character ('}'): was expecting …" → "unexpected character '}', was expecting …"
            int end = what.indexOf("'):", 23);
            what = "unexpected character '" + what.substring(23, end) + "'," + what.substring(end + 3);
        } else if (!what.isEmpty()) {
            what = Character.toLowerCase(what.charAt(0)) + what.substring(1);
        }
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        return (at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ") + what;
    }

    private Path dataDir() {
        Path dir = path("DATA_DIR");
        if (fileProblems != null) {
            return dir;
        }
        // what check asks too (without writing), before the folder is created
        DataDirs.problem(dir).ifPresent(problem -> {
            throw new SettingsException("DATA_DIR=" + dir + " " + problem + "; accepted: a writable folder");
        });
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            throw new SettingsException("DATA_DIR=" + dir + " cannot be created (" + ErrorLog.describe(e)
                    + "); accepted: a writable folder");
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new SettingsException("DATA_DIR=" + dir + " is not a writable folder; accepted: a writable folder");
        }
        return dir;
    }

    /** A comma list of Telegram user ids (whole numbers); empty is none. */
    private Set<Long> userIds(String name) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String item : text(name).split(",")) {
            String id = item.strip();
            if (id.isEmpty()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw new SettingsException(name + " has '" + id + "'; accepted: a comma list of numeric Telegram user ids");
            }
        }
        return Set.copyOf(ids);
    }

    private Set<String> excluded() {
        Set<String> ids = new LinkedHashSet<>();
        for (String item : text("EXCLUDE_CHANNELS").split(",")) {
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
