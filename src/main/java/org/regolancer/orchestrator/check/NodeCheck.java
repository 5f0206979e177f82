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
import org.regolancer.orchestrator.judgment.FeePolicy;
import org.regolancer.orchestrator.judgment.Judgment;
import org.regolancer.orchestrator.judgment.PairWaits;
import org.regolancer.orchestrator.judgment.SkipReason;
import org.regolancer.orchestrator.lndg.ChannelFetch;
import org.regolancer.orchestrator.lndg.ChannelPageParser;
import org.regolancer.orchestrator.lndg.DrfPage;
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
import org.regolancer.orchestrator.lndg.SettingsFetch;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.Secrets;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.Pair;
import org.regolancer.orchestrator.pairing.PairPlanner;
import org.regolancer.orchestrator.regolancer.RunFiles;
import org.regolancer.orchestrator.settings.Settings;
import org.regolancer.orchestrator.telegram.BotApi;

/**
 * {@code check}: is this node set up right? Reads what the daemon would read and tries what it would do, changing
 * nothing: no file written, no lock taken, regolancer only asked its version, Telegram only asked who the bot is and
 * whether it is in the chat (a message only when asked for).
 */
public final class NodeCheck {

    /** The fields of LNDg's channel rows the daemon reads. */
    static final List<String> CHANNEL_FIELDS = List.of("chan_id", "remote_pubkey", "alias", "capacity", "local_balance",
            "remote_balance", "pending_outbound", "pending_inbound", "htlc_count", "is_active", "is_open", "private",
            "auto_rebalance", "ar_in_target", "ar_out_target", "ar_max_cost", "local_fee_rate", "remote_fee_rate");
    static final Duration VERSION_TIME = Duration.ofSeconds(5);
    static final Duration CONNECT_TIME = Duration.ofSeconds(3);

    private final Settings settings;
    private final List<String> fileProblems;
    private final boolean telegramTest;
    private final Clock clock;
    private final Secrets secrets;
    private final CheckReport report = new CheckReport();

    public NodeCheck(Settings settings, List<String> fileProblems, boolean telegramTest, Clock clock) {
        this.settings = settings;
        this.fileProblems = fileProblems;
        this.telegramTest = telegramTest;
        this.clock = clock;
        this.secrets = new Secrets(settings.lndgUser(), settings.lndgPass(), settings.telegramToken());
    }

    public CheckReport run() {
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
        LndgSession session = new LndgSession(settings.lndgBaseUrl(), settings.lndgUser(), settings.lndgPass(), clock, secrets);
        LndgHttp http = new LndgHttp(session, Duration.ofSeconds(30));
        ChannelFetch fetch = new ChannelFetch(new ChannelPageParser(), "is_open=true&is_active=true&limit=5000", 50);
        String first;
        try {
            first = http.getText(fetch.getPath(), fetch.getNextQuery());
        } catch (LndgException e) {
            report.fail(where + ": " + clean(withoutHint(e)), lndgTodo(e));
            report.info("pairing: not checked (no channels from LNDg)");
            return;
        }
        List<String> missing = missingFields(first);
        try {
            fetch.accept(first);
            while (fetch.hasMore()) {
                fetch.accept(http.getText(fetch.getPath(), fetch.getNextQuery()));
            }
        } catch (LndgException e) {
            report.fail(where + ": " + clean(withoutHint(e)), lndgTodo(e));
            return;
        }
        List<Channel> channels = fetch.channels();
        if (!missing.isEmpty()) {
            report.fail(where + ": its channel rows lack fields the daemon reads: " + String.join(", ", missing),
                    "update LNDg to v1.10 or newer");
        } else {
            long open = channels.stream().filter(Channel::open).count();
            long active = channels.stream().filter(c -> c.open() && c.active()).count();
            report.pass(where + ": reachable, login and host accepted, " + open + " open channels (" + active + " active), every "
                    + "field the daemon reads present" + (fetch.refusedRows().isEmpty() ? "" : "; " + fetch.refusedRows().size()
                    + " rows skipped: " + fetch.refusedRows().get(0)));
        }
        login(session);
        long arMaxFeeRate = arMaxFeeRate(http);
        pairing(channels, arMaxFeeRate, books(http, channels));
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
                    + forwards.rows() + " forwards and " + jobs.rows() + " LNDg rebalancer jobs"
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

    private List<String> missingFields(String body) {
        List<String> missing = new ArrayList<>();
        try {
            JsonNode results = DrfPage.results(DrfPage.root(body));
            if (results.isEmpty()) {
                return missing;
            }
            for (String field : CHANNEL_FIELDS) {
                if (!results.get(0).has(field)) {
                    missing.add(field);
                }
            }
        } catch (LndgException e) {
            missing.add("results");
        }
        return missing;
    }

    private long arMaxFeeRate(LndgHttp http) {
        if (settings.feePolicy() != FeePolicy.LNDG) {
            report.pass("fee policy template: the template's fee keys for every pair (LNDg's settings not needed)");
            return LndgFeeSettings.LNDG_DEFAULT;
        }
        SettingsFetch fetch = new SettingsFetch(50);
        try {
            http.readAll(fetch);
        } catch (LndgException e) {
            report.fail("LNDg's settings (/api/settings/): " + clean(withoutHint(e)),
                    (e.hint().isEmpty() ? "" : e.hint() + "; ") + "until then the daemon uses LNDg's default AR-MaxFeeRate 500 ppm");
            return LndgFeeSettings.LNDG_DEFAULT;
        }
        if (fetch.arMaxFeeRate().isPresent()) {
            report.pass("fee policy lndg: LNDg's AR-MaxFeeRate " + fetch.arMaxFeeRate().getAsLong() + " ppm caps every target");
        } else {
            report.pass("fee policy lndg: LNDg has no AR-MaxFeeRate yet (it writes it once its own rebalancer ran): its "
                    + "default " + LndgFeeSettings.LNDG_DEFAULT + " ppm caps every target");
        }
        return fetch.arMaxFeeRate().orElse(LndgFeeSettings.LNDG_DEFAULT);
    }

    private void pairing(List<Channel> channels, long arMaxFeeRate, Map<ChannelId, ChannelBook> books) {
        RefillBudget budget = new RefillBudget(settings.refillBudgetPercent(), settings.refillAllowanceSat() * 1000);
        List<PairingTable.Row> rows = PairingTable.rows(channels, settings.excludeChannels(), settings.feePolicy(),
                settings.maxPendingHtlcs(), arMaxFeeRate, books, budget);
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
        List<Pair> pairs = new PairPlanner(settings.excludeChannels()).plan(channels);
        Judgment.Verdict verdict = judgment.judge(pairs, arMaxFeeRate, books, settings.amountInitial(), clock.instant());
        StringBuilder skipped = new StringBuilder();
        verdict.counts().forEach((reason, n) -> skipped.append(skipped.length() == 0 ? "; not now: " : ", ")
                .append(n).append(' ').append(words(reason)));
        report.pass("pairing: " + pairs.size() + " pairs by LNDg's rules, " + verdict.toRun().size() + " to run now" + skipped
                + "; " + waits.restingCount(clock.instant()) + " resting after failed runs" + waitsNote);
        for (var resting : waits.restingNow(clock.instant())) {
            report.info("resting: " + resting.getKey() + " until " + resting.getValue().until() + " after "
                    + resting.getValue().failuresInARow() + " failed runs in a row");
        }
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
        if (!e.hint().isEmpty()) {
            return e.hint();
        }
        if (e.status() == 0 && e.getMessage().contains("could not be reached")) {
            return "is LNDg running, and LNDG_BASE_URL its address (e.g. http://127.0.0.1:8889)?";
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
        String tls = template.path("tlscert").asText("");
        if (!tls.isEmpty()) {
            readable("LND's TLS certificate (tlscert)", Path.of(tls));
        }
        String macaroonDir = template.path("macaroon_dir").asText("");
        if (!macaroonDir.isEmpty()) {
            readable("LND's macaroon (macaroon_dir + macaroon_filename)",
                    Path.of(macaroonDir).resolve(template.path("macaroon_filename").asText("admin.macaroon")));
        }
        String cache = template.path("node_cache_filename").asText("");
        if (!cache.isEmpty()) {
            Path folder = Path.of(cache).toAbsolutePath().getParent();
            if (folder != null && Files.isDirectory(folder) && Files.isWritable(folder)) {
                report.pass("regolancer's node cache folder " + folder + " is writable");
            } else {
                report.fail("regolancer's node cache folder " + folder + " (node_cache_filename) is not a folder this user can write",
                        "create it for the service user, and add it to the unit's ReadWritePaths");
            }
        }
        String connect = template.path("connect").asText("127.0.0.1:10009");
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
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            report.fail("DATA_DIR=" + dir + (Files.exists(dir) ? " is not a folder this user can write" : " cannot be created by this user"),
                    "create it for the service user: sudo install -d -o lnd -g lnd -m 700 " + dir);
            return;
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
