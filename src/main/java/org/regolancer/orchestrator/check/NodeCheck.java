package org.regolancer.orchestrator.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.quartz.CronExpression;
import org.regolancer.orchestrator.judgment.FeeCap;
import org.regolancer.orchestrator.judgment.FeePolicy;
import org.regolancer.orchestrator.judgment.Judgment;
import org.regolancer.orchestrator.judgment.PairWaits;
import org.regolancer.orchestrator.judgment.SkipReason;
import org.regolancer.orchestrator.lndg.ChannelFetch;
import org.regolancer.orchestrator.lndg.ChannelPageParser;
import org.regolancer.orchestrator.lndg.LndgException;
import org.regolancer.orchestrator.lndg.LndgFeeSettings;
import org.regolancer.orchestrator.lndg.LndgHttp;
import org.regolancer.orchestrator.lndg.BooksReader;
import org.regolancer.orchestrator.books.Books;
import org.regolancer.orchestrator.books.ChannelBook;
import org.regolancer.orchestrator.books.LedgerRefills;
import org.regolancer.orchestrator.judgment.RefillBudget;
import org.regolancer.orchestrator.pairing.ChannelId;
import java.util.Map;
import java.time.Instant;
import org.regolancer.orchestrator.lndg.LndgSession;
import org.regolancer.orchestrator.lndg.LndgTls;
import org.regolancer.orchestrator.lndg.SettingsFetch;
import org.regolancer.orchestrator.lndg.PaymentCleaning;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.Secrets;
import org.regolancer.orchestrator.ops.Words;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelCount;
import org.regolancer.orchestrator.pairing.Pair;
import org.regolancer.orchestrator.pairing.PairPlanner;
import org.regolancer.orchestrator.regolancer.RunFiles;
import org.regolancer.orchestrator.regolancer.TemplateCheck;
import org.regolancer.orchestrator.regolancer.TemplateKeys;
import org.regolancer.orchestrator.pairing.Exclusions;
import org.regolancer.orchestrator.settings.Settings;
import org.regolancer.orchestrator.telegram.BotApi;

/**
 * {@code check}: is this node set up right? Reads what the daemon would read and tries what it would do, changing
 * nothing: no file written, no lock taken, regolancer only asked its version, Telegram only asked who the bot is and
 * whether it is in the chat (a message only when asked for).
 */
public final class NodeCheck {

    static final Duration VERSION_TIME = Duration.ofSeconds(5);
    static final Duration CONNECT_TIME = Duration.ofSeconds(3);

    private final Settings settings;
    private final List<String> fileProblems;
    private final boolean telegramTest;
    private final Clock clock;
    private final Secrets secrets;
    private final CheckReport report = new CheckReport();
    private final List<Note> notes;
    private final String dataDirAsWritten;

    /** Information about the settings files themselves (the .env's keys), shown before the items, with what to do. */
    public record Note(String text, String todo) {
    }

    public NodeCheck(Settings settings, List<String> fileProblems, boolean telegramTest, Clock clock) {
        this(settings, fileProblems, telegramTest, clock, List.of(), null);
    }

    /** @param dataDirAsWritten DATA_DIR as the settings give it (a relative one is warned about), or null */
    public NodeCheck(Settings settings, List<String> fileProblems, boolean telegramTest, Clock clock, List<Note> notes,
            String dataDirAsWritten) {
        this.settings = settings;
        this.fileProblems = fileProblems;
        this.telegramTest = telegramTest;
        this.clock = clock;
        this.secrets = new Secrets(settings.lndgUser(), settings.lndgPass(), settings.telegramToken());
        this.notes = List.copyOf(notes);
        this.dataDirAsWritten = dataDirAsWritten;
    }

    public CheckReport run() {
        notes.forEach(note -> report.info(note.text(), note.todo()));
        lndg();
        regolancer();
        telegram();
        dataDir();
        times();
        jmx();
        return report;
    }

    /** Remote JMX (JMX_PORT set): would the daemon start it, with a password file fit for use? */
    private void jmx() {
        if (settings.jmxPort() == 0) {
            return;
        }
        org.regolancer.orchestrator.ops.JmxPasswordFile.problem(settings.jmxPort(), settings.jmxPasswordFile()).ifPresentOrElse(
                problem -> report.fail(problem, "make the password file as README, Watching it, shows (the daemon runs "
                        + "without remote JMX until then)"),
                () -> report.pass("remote JMX: 127.0.0.1:" + settings.jmxPort() + " for the users of JMX_PASSWORD_FILE="
                        + settings.jmxPasswordFile() + " (owner-only), every one read-only"));
    }

    // --- LNDg and pairing -----------------------------------------------------------------------------------------

    private void lndg() {
        String where = "LNDg at " + settings.lndgBaseUrl();
        LndgTls.cleartext(settings.lndgBaseUrl()).ifPresent(why -> report.info("LNDg: " + why.what(), why.todo()));
        settings.lndgTls().file().filter(f -> "http".equalsIgnoreCase(settings.lndgBaseUrl().getScheme()))
                .ifPresent(f -> report.info("LNDG_TLS_CERT=" + f + " is not used: LNDG_BASE_URL is plain http"));
        LndgSession session = new LndgSession(settings.lndgBaseUrl(), settings.lndgUser(), settings.lndgPass(), clock, secrets);
        LndgHttp http = new LndgHttp(session, Duration.ofSeconds(30), settings.lndgTls());
        ChannelFetch fetch = new ChannelFetch(new ChannelPageParser(), "is_open=true&is_active=true&limit=5000", 50);
        try {
            http.readAll(fetch);
        } catch (LndgException e) {
            report.fail(where + ": " + clean(withoutHint(e)), lndgTodo(e));
            // whether the failed request went with Basic auth, and why (a refused password, a proxy's own login)
            login(session);
            report.info("pairing: not checked (no channels from LNDg)");
            return;
        }
        List<String> missing = fetch.missingFields();
        List<Channel> channels = fetch.channels();
        if (!missing.isEmpty()) {
            report.fail(where + ": its channel rows lack fields the daemon reads: " + String.join(", ", missing),
                    "update LNDg to v1.10 or newer");
        } else {
            report.pass(where + ": reachable" + settings.lndgTls().file().filter(f -> "https".equalsIgnoreCase(
                    settings.lndgBaseUrl().getScheme())).map(f -> " (its certificate trusted through LNDG_TLS_CERT=" + f + ")")
                    .orElse("") + ", login and host accepted, " + ChannelCount.of(channels) + ", every "
                    + "field the daemon reads present" + (fetch.refusedCount() == 0 ? "" : "; " + fetch.refusedCount()
                    + " rows skipped: " + fetch.refusedRows().get(0))
                    + (fetch.oddCount() == 0 ? "" : "; " + fetch.oddCount() + " rows with a value outside LNDg's range: "
                            + fetch.oddRows().get(0)));
        }
        login(session);
        SettingsFetch lndgSettings = new SettingsFetch(50);
        LndgException settingsFailure = null;
        try {
            http.readAll(lndgSettings);
        } catch (LndgException e) {
            settingsFailure = e;
        }
        long arMaxFeeRate = arMaxFeeRate(lndgSettings, settingsFailure);
        paymentCleaning(lndgSettings, settingsFailure);
        pairing(channels, arMaxFeeRate, books(http, channels));
    }

    /**
     * Whether LNDg deletes failed payments from LND: every regolancer run that finds no route leaves its failed payment
     * (and every run its failed attempts) in LND's database, which only grows unless they are deleted.
     */
    private void paymentCleaning(SettingsFetch lndgSettings, LndgException failure) {
        if (failure != null) {
            report.info("LND's failed payments: LNDg's cleaning not checked (its settings cannot be read: " + clean(withoutHint(failure))
                    + ")");
            return;
        }
        PaymentCleaning cleaning = lndgSettings.paymentCleaning();
        String turnOn = "turn it on in LNDg: its Advanced page (/advanced/), local settings \"LND Clean Payments\" 1 and \"LND "
                + "Retention\" the days to keep them (30 by default); the settings " + PaymentCleaning.CLEAN_PAYMENTS + "=1 and "
                + PaymentCleaning.RETENTION_DAYS + " of LNDg's /api/settings/ (README: Run it for years)";
        if (!cleaning.problem().isEmpty()) {
            report.info("LND's failed payments: LNDg's " + clean(cleaning.problem()) + ", which LNDg cannot read either", turnOn);
        } else if (cleaning.on()) {
            report.pass("LND's failed payments: LNDg deletes them after " + cleaning.retentionDays() + " days ("
                    + PaymentCleaning.CLEAN_PAYMENTS + " 1): what failed runs leave does not pile up in LND's channel.db");
        } else {
            report.info("LND's failed payments: LNDg does not delete them (" + PaymentCleaning.CLEAN_PAYMENTS + " 0, LNDg's "
                    + "default): every regolancer run that finds no route leaves a failed payment in LND's channel.db, which "
                    + "then grows for good", turnOn);
        }
    }

    /**
     * Under a refill budget, each channel's books as the daemon builds them at its start (the ledger, LNDg's
     * forwards and jobs of the window); empty when there is no budget or they cannot be read (said so).
     */
    private Map<ChannelId, ChannelBook> books(LndgHttp http, List<Channel> channels) {
        if (!settings.refillBudgetOn()) {
            report.pass("refill budget: off (REFILL_BUDGET_PERCENT=0): targets are refilled whatever they earn");
            return Map.of();
        }
        Instant now = clock.instant();
        Books books = new Books(Duration.ofDays(settings.booksDays()));
        try {
            LedgerRefills.read(settings.dataDir().resolve("rebalances.csv"), books, now);
            BooksReader reader = new BooksReader(http, settings.lndgZone());
            BooksReader.Read forwards = reader.forwards(books, books.windowStart(now), now);
            BooksReader.Read jobs = reader.jobs(books, books.windowStart(now), now);
            report.pass("refill budget: " + settings.refillBudgetPercent() + " % of each target's earnings + "
                    + settings.refillAllowanceSat() + " sat over " + settings.booksDays() + " days; books from the ledger, "
                    + Words.count(forwards.rows(), "forward") + " and " + Words.count(jobs.rows(), "LNDg rebalancer job")
                    + (forwards.skipped() + jobs.skipped() > 0 ? " (" + (forwards.skipped() + jobs.skipped())
                            + " rows skipped, first: " + (forwards.firstSkipped() != null ? forwards.firstSkipped() : jobs.firstSkipped()) + ")" : ""));
        } catch (IOException | LndgException e) {
            report.fail("refill budget: the books cannot be read: " + clean(ErrorLog.describe(e)),
                    "the daemon then counts every target's earnings as 0 until it can read them (the allowance alone)");
            return Map.of();
        }
        return books.read(channels, now);
    }

    /** Whether the daemon will ask LNDg with a login session, or make it hash the password for every request. */
    private void login(LndgSession session) {
        if (session.hasSession()) {
            report.pass("LNDg login session: one login, then LNDg's API is asked with the session (LNDg hashes the "
                    + "password once per login, not per request)");
        }
        session.fallback().ifPresent(f -> report.info("LNDg: Basic auth on every request (" + f.why() + "): LNDg hashes "
                + "the password for each request", f.todo().isEmpty() ? "LNDg's login page: " + LndgSession.LOGIN_PATH : f.todo()));
    }

    private long arMaxFeeRate(SettingsFetch fetch, LndgException failure) {
        if (settings.feePolicy() != FeePolicy.LNDG) {
            report.pass("fee policy template: the template's fee keys for every pair (LNDg's settings not needed)" + maxFeeText());
            return LndgFeeSettings.LNDG_DEFAULT;
        }
        if (failure != null) {
            LndgException e = failure;
            report.fail("LNDg's settings (/api/settings/): " + clean(withoutHint(e)),
                    (e.hint().isEmpty() ? "" : e.hint() + "; ") + "until then the daemon uses LNDg's default AR-MaxFeeRate 500 ppm"
                            + maxFeeText());
            return FeeCap.ceiled(LndgFeeSettings.LNDG_DEFAULT, settings.maxFeeCeiling());
        }
        if (fetch.arMaxFeeRate().isPresent()) {
            report.pass("fee policy lndg: LNDg's AR-MaxFeeRate " + fetch.arMaxFeeRate().getAsLong() + " ppm caps every target"
                    + maxFeeText());
        } else {
            report.pass("fee policy lndg: LNDg has no AR-MaxFeeRate yet (it writes it once its own rebalancer ran): its "
                    + "default " + LndgFeeSettings.LNDG_DEFAULT + " ppm caps every target" + maxFeeText());
        }
        return FeeCap.ceiled(fetch.arMaxFeeRate().orElse(LndgFeeSettings.LNDG_DEFAULT), settings.maxFeeCeiling());
    }

    /** MAX_FEE_PPM in the fee line: the ceiling over every run's fee limit, or that there is none. */
    private String maxFeeText() {
        return settings.maxFeeCeiling().isPresent()
                ? "; MAX_FEE_PPM " + settings.maxFeePpm() + ": no run's fee limit above " + settings.maxFeePpm() + " ppm"
                : "; MAX_FEE_PPM off (0): no ceiling of our own over the fee limits";
    }

    private void pairing(List<Channel> channels, long arMaxFeeRate, Map<ChannelId, ChannelBook> books) {
        RefillBudget budget = new RefillBudget(settings.refillBudgetPercent(), settings.refillAllowanceSat() * 1000);
        Exclusions template = TemplateKeys.exclusions(settings.template());
        long minAmount = TemplateKeys.minAmountSat(settings.template());
        List<PairingTable.Row> rows = PairingTable.rows(channels, settings.excludeChannels(), template, minAmount,
                settings.feePolicy(), settings.maxPendingHtlcs(), arMaxFeeRate, books, budget);
        PairingTable.render(rows).forEach(report::info);
        PairWaits waits = new PairWaits(Duration.ofMinutes(settings.retryWaitMinutes()), Duration.ofMinutes(settings.retryWaitMaxMinutes()));
        String waitsNote = "";
        RunFiles ram = new RunFiles(RunFiles.defaultBase(), settings.dataDir());
        try {
            String kept = ram.read(RunFiles.WAITS);
            if (!kept.isEmpty() && waits.enabled()) {
                waits.load(kept);
                waitsNote = " (waits read from " + ram.folderPath().resolve(RunFiles.WAITS) + ")";
            }
        } catch (IOException | RuntimeException e) {
            waitsNote = " (the daemon's waits cannot be read: " + ErrorLog.describe(e) + ")";
        }
        Judgment judgment = new Judgment(settings.feePolicy(), settings.maxPendingHtlcs(), waits, null, budget);
        PairPlanner planner = new PairPlanner(settings.excludeChannels(), template, minAmount);
        List<Pair> pairs = planner.plan(channels);
        int noMargin = planner.withoutMargin(channels).size();
        Judgment.Verdict verdict = judgment.judge(pairs, arMaxFeeRate, books, settings.amountInitial(), clock.instant());
        StringBuilder skipped = new StringBuilder();
        verdict.counts().forEach((reason, n) -> skipped.append(skipped.length() == 0 ? "; not now: " : ", ")
                .append(n).append(' ').append(words(reason)));
        report.pass("pairing: " + Words.count(pairs.size(), "pair") + " by LNDg's rules, " + verdict.toRun().size() + " to run now" + skipped
                + (noMargin == 0 ? "" : "; " + Words.count(noMargin, "source") + " without margin above its target (not paired)")
                + "; " + waits.restingCount(clock.instant()) + " resting after failed runs" + waitsNote);
        Map<ChannelId, String> aliases = new java.util.HashMap<>();
        channels.forEach(c -> aliases.put(c.id(), c.alias()));
        for (var resting : waits.restingNow(clock.instant())) {
            report.info("resting: " + named(resting.getKey().source(), aliases) + " → " + named(resting.getKey().target(), aliases)
                    + " " + resting.getValue().text());
        }
    }

    /** "SinkNode (812345…)" where LNDg names the channel's peer, the channel id alone where not. */
    private static String named(ChannelId id, Map<ChannelId, String> aliases) {
        String alias = aliases.getOrDefault(id, "");
        return alias.isBlank() ? id.value() : alias + " (" + id.value() + ")";
    }

    private static String words(SkipReason reason) {
        return switch (reason) {
            case WAIT -> "resting";
            case FEE -> "over LNDg's fee cap";
            case HTLC -> "with too many pending HTLCs";
            case TARGET_PAID -> "into a paid target";
            case BUDGET -> "into a target over its refill budget";
        };
    }

    private static String withoutHint(LndgException e) {
        return e.hint().isEmpty() ? e.getMessage() : e.getMessage().replace(": " + e.hint(), "");
    }

    private static String lndgTodo(LndgException e) {
        // the daemon's log line for the same failure carries the same hint (LndgAnswer)
        if (!e.hint().isEmpty()) {
            return e.hint();
        }
        return "check LNDG_BASE_URL: is it LNDg's address, and LNDg v1.10 or newer?";
    }

    // --- regolancer -------------------------------------------------------------------------------------------------

    private void regolancer() {
        Path bin = settings.regolancerBin();
        if (!Files.isRegularFile(bin)) {
            report.fail("regolancer: REGOLANCER_BIN=" + bin + " does not exist",
                    "install regolancer (v1.12.x) and set REGOLANCER_BIN to its absolute path");
        } else if (!Files.isExecutable(bin)) {
            report.fail("regolancer: REGOLANCER_BIN=" + bin + " is not executable by this user",
                    "chmod 755 " + bin + " (and run check as the service user)");
        } else {
            version(bin);
        }
        if (fileProblems.isEmpty()) {
            report.pass("template: CONFIG_TEMPLATE=" + settings.configTemplate() + " is valid");
            templateWarnings(settings.template());
        } else {
            fileProblems.forEach(p -> report.fail("template: " + p, "fix the template (README: The config template)"));
        }
        if (settings.demo()) {
            report.info("LND files and connection: skipped (demo)");
        } else if (!fileProblems.isEmpty()) {
            report.info("LND files and connection: not checked (the template cannot be used)");
        } else {
            lndFiles(settings.template());
        }
    }

    /** Keys regolancer ignores fail (a misspelt key silently falls back to regolancer's default); the rest informs. */
    private void templateWarnings(ObjectNode template) {
        for (String key : TemplateKeys.unknown(template)) {
            String nearest = TemplateKeys.nearest(key);
            report.fail("template: '" + clean(key) + "' is not a key regolancer knows: regolancer ignores it",
                    nearest == null ? "remove it (README: The config template)" : "did you mean '" + nearest + "'? fix its name or remove it");
        }
        TemplateCheck.warnings(template).stream().filter(w -> !w.contains("is not a key regolancer knows"))
                .forEach(w -> report.info("template: " + clean(w)));
    }

    private void version(Path bin) {
        ProcessBuilder builder = org.regolancer.orchestrator.ops.ChildEnvironment.ofThisProcess(settings.lndgUser(),
                settings.lndgPass(), settings.telegramToken()).applyTo(new ProcessBuilder(bin.toString(), "--version"))
                .redirectErrorStream(true);
        builder.environment().put("NO_COLOR", "1");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output;
            try (var in = process.getInputStream()) {
                if (!process.waitFor(VERSION_TIME.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    report.fail("regolancer: " + bin + " --version did not end within 5 s", "is REGOLANCER_BIN regolancer?");
                    return;
                }
                output = in.readNBytes(4096);
            }
            String first = new String(output, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            // regolancer prints "Regolancer v1.12.3, built with go1.22.4" and exits 1: judged by the output
            if (first.startsWith("Regolancer ")) {
                report.pass("regolancer: " + bin + " is " + first.split(",")[0]);
            } else {
                report.fail("regolancer: " + bin + " --version printed no version" + (first.isEmpty() ? "" : " (\"" + clean(first) + "\")"),
                        "is REGOLANCER_BIN regolancer (v1.12.x)?");
            }
        } catch (IOException e) {
            report.fail("regolancer: " + bin + " cannot be run: " + ErrorLog.describe(e), "check the file and its permissions");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void lndFiles(ObjectNode template) {
        String tls = TemplateKeys.text(template, "tlscert", "");
        if (!tls.isEmpty()) {
            readable("LND's TLS certificate (tlscert)", Path.of(tls));
        }
        String macaroonDir = TemplateKeys.text(template, "macaroon_dir", "");
        if (!macaroonDir.isEmpty()) {
            readable("LND's macaroon (macaroon_dir + macaroon_filename)",
                    Path.of(macaroonDir).resolve(TemplateKeys.text(template, "macaroon_filename", "admin.macaroon")));
        }
        String cache = TemplateKeys.text(template, "node_cache_filename", "");
        if (!cache.isEmpty()) {
            Path folder = Path.of(cache).toAbsolutePath().getParent();
            if (folder != null && Files.isDirectory(folder) && Files.isWritable(folder)) {
                report.pass("regolancer's node cache folder " + folder + " is writable");
            } else {
                report.fail("regolancer's node cache folder " + folder + " (node_cache_filename) is not a folder this user can write",
                        "create it for the service user, and add it to the unit's ReadWritePaths");
            }
        }
        String connect = TemplateKeys.text(template, "connect", "127.0.0.1:10009");
        int colon = connect.lastIndexOf(':');
        try {
            String host = connect.substring(0, colon).replace("[", "").replace("]", "");
            int port = Integer.parseInt(connect.substring(colon + 1));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIME.toMillis());
                report.pass("LND's gRPC at " + connect + " (connect) accepts connections");
            } catch (IOException e) {
                report.fail("LND's gRPC at " + connect + " (connect) refuses: " + ErrorLog.describe(e),
                        "is LND running, and 'connect' in the template its gRPC host:port (rpclisten)?");
            }
        } catch (RuntimeException e) {
            report.fail("the template's 'connect' " + connect + " is not host:port", "set it to LND's gRPC host:port, e.g. 127.0.0.1:10009");
        }
    }

    private void readable(String what, Path file) {
        if (Files.isRegularFile(file) && Files.isReadable(file)) {
            report.pass(what + " " + file + " is readable");
        } else if (!Files.exists(file)) {
            report.fail(what + " " + file + " does not exist", "fix the path in the template");
        } else {
            report.fail(what + " " + file + " cannot be read by this user", "let the service user read it (e.g. add it to LND's group)");
        }
    }

    // --- Telegram ---------------------------------------------------------------------------------------------------

    private void telegram() {
        if (!settings.telegramConfigured()) {
            report.info("Telegram: not configured (TELEGRAM_TOKEN and TELEGRAM_CHAT_ID empty): no messages, no daily report");
            return;
        }
        BotApi api = new BotApi(settings.telegramApiUrl(), settings.telegramToken());
        try {
            JsonNode me = api.getMe();
            if (!me.path("ok").asBoolean()) {
                report.fail("Telegram: the bot token is refused (" + clean(BotApi.error(me)) + ")",
                        "set TELEGRAM_TOKEN to the token @BotFather gave you");
                return;
            }
            report.pass("Telegram: token valid, the bot is @" + me.path("result").path("username").asText("?"));
            JsonNode chat = api.getChat(settings.telegramChatId());
            if (!chat.path("ok").asBoolean()) {
                report.fail("Telegram: TELEGRAM_CHAT_ID=" + settings.telegramChatId() + " is not a chat the bot is in ("
                        + clean(BotApi.error(chat)) + ")", "add the bot to that chat (as an admin of a channel), or fix TELEGRAM_CHAT_ID");
                return;
            }
            JsonNode result = chat.path("result");
            String name = result.hasNonNull("title") ? result.path("title").asText() : result.path("username").asText("");
            report.pass("Telegram: the bot is in TELEGRAM_CHAT_ID=" + settings.telegramChatId() + " (" + result.path("type").asText("?")
                    + (name.isEmpty() ? "" : " \"" + clean(name) + "\"") + ")");
            if (telegramTest) {
                JsonNode sent = api.sendMessage(settings.telegramChatId(), "regolancer-orchestrator check: Telegram works");
                if (sent.path("ok").asBoolean()) {
                    report.pass("Telegram: test message sent");
                } else {
                    report.fail("Telegram: the test message was refused (" + clean(BotApi.error(sent)) + ")",
                            "let the bot post in that chat (a channel needs the bot as an admin)");
                }
            }
        } catch (IOException e) {
            report.fail("Telegram at " + settings.telegramApiUrl() + " could not be reached: " + clean(e.getMessage()),
                    "check the network, and TELEGRAM_API_URL if you run your own Bot API server");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- DATA_DIR and time ----------------------------------------------------------------------------------------

    private void dataDir() {
        Path dir = settings.dataDir();
        // what start-up asks before it creates the folder (nothing written here)
        java.util.Optional<String> problem = org.regolancer.orchestrator.settings.DataDirs.problem(dir);
        if (problem.isPresent()) {
            report.fail("DATA_DIR=" + dir + " " + problem.get(),
                    "create it for the service user: sudo install -d -o lnd -g lnd -m 700 " + dir);
            return;
        }
        Path existing = dir;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        String free;
        try {
            free = String.format(Locale.ROOT, "%.1f GB free", existing.getFileSystem().provider().getFileStore(existing)
                    .getUsableSpace() / 1e9);
        } catch (IOException e) {
            free = "free space unknown";
        }
        report.pass("DATA_DIR=" + dir + (existing.equals(dir) ? " is writable" : " will be created (its parent is writable)")
                + ", " + free + runningDaemon(dir.resolve(".lock")));
        if (!settings.demo()) {
            org.regolancer.orchestrator.settings.DataDirs.relativeWarning(dataDirAsWritten, dir)
                    .ifPresent(warning -> report.info(warning, org.regolancer.orchestrator.settings.DataDirs.RELATIVE_TODO));
        }
    }

    /** Whether a daemon holds DATA_DIR/.lock now, read from /proc/locks (nothing is locked or written to find out). */
    static String runningDaemon(Path lock) {
        try {
            if (!Files.exists(lock, LinkOption.NOFOLLOW_LINKS) || !Files.exists(Path.of("/proc/locks"))) {
                return "; no daemon holds it now";
            }
            long inode = ((Number) Files.getAttribute(lock, "unix:ino")).longValue();
            for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
                String[] f = line.trim().split("\\s+");
                // "1: POSIX  ADVISORY  WRITE 4242 08:01:1234567 0 EOF" (may carry a "->" marker after the number)
                for (int i = 0; i + 1 < f.length; i++) {
                    if (f[i + 1].matches("[0-9a-f]+:[0-9a-f]+:\\d+") && f[i + 1].endsWith(":" + inode)) {
                        return "; a running daemon (pid " + f[i] + ") holds it now";
                    }
                }
            }
            return "; no daemon holds it now";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private void times() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(settings.reportZone()));
        String zones = "report zone " + settings.reportZone().getId() + ", LNDg's zone " + settings.lndgZone().getId();
        if (!settings.reportsEnabled()) {
            report.pass("time: " + zones + "; the daily report is off (ENABLE_DAILY_REPORT, or Telegram not configured)");
            return;
        }
        try {
            CronExpression cron = new CronExpression(settings.reportCron());
            cron.setTimeZone(TimeZone.getTimeZone(settings.reportZone()));
            Date next = cron.getNextValidTimeAfter(Date.from(now.toInstant()));
            report.pass("time: " + zones + "; next daily report " + (next == null ? "never (REPORT_CRON has no future time)"
                    : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").format(next.toInstant().atZone(settings.reportZone()))));
        } catch (java.text.ParseException e) {
            report.fail("time: REPORT_CRON cannot be read", "fix REPORT_CRON");
        }
    }

    private String clean(String text) {
        String flat = secrets.scrub(text).replaceAll("[\\r\\n\\t]+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
