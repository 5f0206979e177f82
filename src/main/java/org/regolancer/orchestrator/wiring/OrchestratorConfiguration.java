package org.regolancer.orchestrator.wiring;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.telegram.TelegramComponent;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.ThreadPoolProfile;
import org.regolancer.orchestrator.commands.CommandDesk;
import org.regolancer.orchestrator.commands.StatusText;
import org.regolancer.orchestrator.cycle.BooksService;
import org.regolancer.orchestrator.cycle.CycleService;
import org.regolancer.orchestrator.cycle.CycleStats;
import org.regolancer.orchestrator.cycle.Judge;
import org.regolancer.orchestrator.cycle.Lifecycle;
import org.regolancer.orchestrator.cycle.Pause;
import org.regolancer.orchestrator.cycle.RegolancerExecutor;
import org.regolancer.orchestrator.cycle.RegolancerRuns;
import org.regolancer.orchestrator.ledger.Ledger;
import org.regolancer.orchestrator.lndg.FinishedJobs;
import org.regolancer.orchestrator.lndg.LndgConnections;
import org.regolancer.orchestrator.lndg.LndgFeeSettings;
import org.regolancer.orchestrator.lndg.LndgHttp;
import org.regolancer.orchestrator.lndg.LndgRetryPause;
import org.regolancer.orchestrator.lndg.LndgSession;
import org.regolancer.orchestrator.monitoring.Jmx;
import org.regolancer.orchestrator.monitoring.RebalancerHealthCheck;
import org.regolancer.orchestrator.ops.ChildEnvironment;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.JmxPasswordFile;
import org.regolancer.orchestrator.ops.MaskedOutput;
import org.regolancer.orchestrator.ops.Readiness;
import org.regolancer.orchestrator.ops.Sigint;
import org.regolancer.orchestrator.regolancer.ProcessRunner;
import org.regolancer.orchestrator.regolancer.RunFiles;
import org.regolancer.orchestrator.report.ChartProcess;
import org.regolancer.orchestrator.report.ReportService;
import org.regolancer.orchestrator.settings.Settings;
import org.regolancer.orchestrator.settings.SettingsLoader;
import org.regolancer.orchestrator.settings.Tunables;
import org.regolancer.orchestrator.telegram.BotApi;
import org.regolancer.orchestrator.telegram.NoticeSender;
import org.regolancer.orchestrator.telegram.PendingNotices;

/**
 * Binds the plain beans the routes call, by name, and configures the components that hold secrets (LNDg auth,
 * the bot token) so no endpoint URI carries them. The settings come validated, and go into Camel's properties here,
 * once. The parts the commands build too come from {@link Parts}; the stop is {@link ShutdownSequence}.
 */
public class OrchestratorConfiguration implements CamelConfiguration {

    /** A one-cycle run (RUN_FOREVER=false) gives its notices this long before the daemon stops. */
    static final Duration ONE_CYCLE_NOTICE_WAIT = Duration.ofSeconds(60);

    private final Settings settings;
    private final Lifecycle lifecycle;

    /** @param settings every setting, validated (by {@code Main}, or a route test) */
    public OrchestratorConfiguration(Settings settings, Lifecycle lifecycle) {
        this.settings = settings;
        this.lifecycle = lifecycle;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent pc = (PropertiesComponent) context.getPropertiesComponent();
        // settings come only from our loader (env > .env > properties), never raw from the environment
        pc.setEnvironmentVariableMode(PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_NEVER);
        // the routes read the settings (and what they imply) as properties: put there once, here
        settings.toProperties().forEach(pc::addOverrideProperty);
        // the internals below the settings, read and checked by the loader too: the routes' {{…}} get the values read
        Tunables tunables = SettingsLoader.tunables(key -> pc.resolveProperty(key).orElse(null));
        tunables.toProperties().forEach(pc::addOverrideProperty);

        Parts parts = new Parts(settings, Clock.systemUTC());
        Clock clock = parts.clock();
        // the last guard: whatever reaches standard error or output (every log line) has the known secrets masked
        MaskedOutput.install(parts.secrets());
        ErrorLog errors = parts.errorLog();
        // one LNDg login for the cycle, the report and /report
        LndgSession lndgSession = parts.lndgSession(errors);
        // LNDg's reads outside the cycle route (the books, the report, /report): one client and one connection pool
        LndgHttp lndgReads = parts.lndgReads(lndgSession);
        CycleStats stats = new CycleStats();
        RunFiles runFiles = new RunFiles(RunFiles.defaultBase(), settings.files().dataDir());
        // the RAM folder's name, kept in DATA_DIR (made, and the old fixed-name folder moved over, on the first start)
        runFiles.settle();
        Ledger ledger = new Ledger(settings.files().dataDir().resolve("rebalances.csv"), runFiles, errors);
        ProcessRunner runner = new ProcessRunner(ShutdownSequence.KILL_GRACE, clock);
        LndgRetryPause lndgRetryPause = new LndgRetryPause(tunables.lndgRetryPauseFirst(), tunables.lndgRetryPauseMax());
        LndgFeeSettings lndgFees = new LndgFeeSettings(tunables.lndgSettingsRefresh(), tunables.lndgSettingsRetry());
        Judge judge = new Judge(parts.judgment(parts.pairWaits(tunables.retryWaitMinute())), runFiles, stats, errors,
                clock, settings.logs().operational());
        Pause pause = new Pause(settings.files().dataDir());
        stats.setPaused(pause::paused);
        BooksService books = parts.booksService(lndgReads, errors, tunables.booksDay(), tunables.booksRefresh(),
                tunables.booksRetry(), settings.logs().operational(), settings.booksKept());
        CycleService cycles = new CycleService(settings, stats, errors, lifecycle, clock, lndgRetryPause, lndgFees, judge, pause,
                books, ledger);
        // Ctrl-C reaches regolancer too, which exits 1 silently, perhaps before Camel's stop begins: the daemon is
        // stopping from that moment (no new pair, no cycle-limit line for the runs it ended), and such a run is a stopped one
        Sigint.onSigint(() -> {
            cycles.stop();
            runner.noteSigint();
        });
        RegolancerRuns runs = new RegolancerRuns(settings, runFiles, stats, errors, ledger, clock, judge, books);
        runs.recoverLeftovers();
        judge.loadWaits();

        Jmx.register(stats);
        Jmx.Remote remoteJmx = remoteJmx(settings, errors);
        // edits in routes/ apply while the daemon runs; a broken edit is refused and the old routes stay
        context.addService(new SafeRouteReload(tunables.routesDirectory(), errors,
                cycles::routesReloading, cycles::routesReloaded));
        if (settings.monitoring().managementPort() > 0) {
            HealthCheckRegistry health = HealthCheckRegistry.get(context);
            if (health != null) {
                health.register(new RebalancerHealthCheck(new Readiness(settings.readyMaxCycleAge(),
                        settings.monitoring().readyMaxLndgFailures()), stats, clock));
            }
        }
        Registry registry = context.getRegistry();
        registry.bind("settings", settings);
        registry.bind("errorLog", errors);
        registry.bind("stats", stats);
        registry.bind("lifecycle", lifecycle);
        registry.bind("cycles", cycles);
        registry.bind("runs", runs);
        registry.bind("ledger", ledger);
        // regolancer's runs and the chart's process: the daemon's environment without its secrets
        ChildEnvironment children = parts.children();
        registry.bind("regolancerExecutor", new RegolancerExecutor(runner, runs, parts.secrets(), settings.logs().regolancerLive(),
                children));
        registry.bind("regolancerWorkers", workers(context, settings));
        registry.bind("lndgAuth", new LndgAuth(lndgSession));
        PaymentNotices notices = paymentNotices(context, tunables, settings, errors, clock);
        registry.bind("notices", notices);
        if (settings.telegram().sendLndgNotices()) {
            // LNDg's own completed rebalances, on the same session and client as the books' and the report's reads
            registry.bind("lndgNotices", new LndgNotices(new FinishedJobs(lndgReads, settings.lndg().zone()), settings.files().dataDir(),
                    errors, clock, settings.logs().operational()));
        }
        lifecycle.setBeforeFinishing(() -> notices.awaitSent(ONE_CYCLE_NOTICE_WAIT));
        ReportService reports = parts.reportService(lndgReads, errors, ChartProcess.ofThisJvm(children));
        reports.convertHistory();
        if (books.kept()) {
            reports.channels(() -> parts.channelsView(books));
        }
        registry.bind("reports", reports);
        CommandDesk.Control control = new CommandDesk.Control() {
            @Override
            public boolean pause() throws IOException {
                return cycles.pause();
            }

            @Override
            public boolean resume() throws IOException {
                return cycles.resume();
            }
        };
        registry.bind("commands", new TelegramCommands(new CommandDesk(settings.telegram().chatId(), settings.telegram().commandUsers(),
                new BotApi(settings.telegram().apiUrl(), settings.telegram().token()), clock, control, new StatusText(stats, pause,
                        settings.files().dataDir().resolve("rebalances.csv"), settings.report().zone(), settings.judgment().refillBudgetOn()), errors),
                errors));
        // the commands' long poll waits up to telegram.poll-seconds for an answer: its client waits 10 s longer
        registry.bind("telegramPollClient", new TimeoutHttpClient(
                Duration.ofSeconds(tunables.telegramPollSeconds() + 10)));
        registry.bind("telegramPollStrategy", new TelegramPollStrategy(errors));

        components(context, tunables, settings);
        context.getManagementStrategy().addEventNotifier(new ShutdownSequence(new ShutdownSequence.Daemon(cycles, runner,
                notices, ledger, runFiles, stats, remoteJmx), clock, settings.monitoring().managementPort() > 0));
    }

    /** A worker thread per run going on, none while nothing runs (a balanced node keeps no idle threads). */
    private ExecutorService workers(CamelContext context, Settings settings) {
        ThreadPoolProfile elastic = new ThreadPoolProfile("regolancer-worker");
        // (MAX_WORKERS + 1 threads at most, made as tokens arrive; each gone after 30 s without work). One more than
        // the workers: Camel's parallel split may hand out its tokens from a task on this pool, and with MAX_WORKERS
        // threads the last token then waited in the queue until a run ended (MAX_WORKERS - 1 runs at once, seen in
        // the tests now and then). The dispatch still lets MAX_WORKERS runs go at once, never more.
        elastic.setPoolSize(settings.run().maxWorkers() + 1);
        elastic.setMaxPoolSize(settings.run().maxWorkers() + 1);
        elastic.setMaxQueueSize(-1);
        elastic.setKeepAliveTime(30L);
        elastic.setTimeUnit(TimeUnit.SECONDS);
        elastic.setAllowCoreThreadTimeOut(true);
        return context.getExecutorServiceManager().newThreadPool(this, "regolancer-worker", elastic);
    }

    /** The components' own settings: LNDg's connections, Quartz, and Telegram's client and token. */
    private static void components(CamelContext context, Tunables tunables, Settings settings) {
        // LNDg over plain http (the usual, on the node itself): camel-http's own pool would set up TLS it never uses; over
        // https: LNDG_TLS_CERT's certificates trusted beside the system's, and a time limit on the TLS handshake (an
        // https:// URL is camel-http's component of that name, another instance)
        context.getComponent(settings.lndg().baseUrl().getScheme().toLowerCase(Locale.ROOT), HttpComponent.class)
                .setClientConnectionManager(LndgConnections.forBase(settings.lndg().baseUrl(), tunables.lndgConnectTimeout(),
                        tunables.lndgReadTimeout(), settings.lndg().tls()));
        if (settings.reportsEnabled()) {
            // the report is the only Quartz job: one thread, jobs in memory (with the report off Quartz is never started)
            Properties quartz = new Properties();
            quartz.setProperty("org.quartz.threadPool.threadCount", "1");
            quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            context.getComponent("quartz", QuartzComponent.class).setProperties(quartz);
        }
        TelegramComponent telegram = context.getComponent("telegram", TelegramComponent.class);
        telegram.setBaseUri(settings.telegram().apiUrl().toString());
        telegram.setClient(new TimeoutHttpClient(tunables.telegramTimeout()));
        // the notify route's Telegram endpoint is made (not used) even when Telegram is off, and needs some token:
        // made with its route, it is stopped with it, after the routes that record payments
        telegram.setAuthorizationToken(settings.telegram().configured() ? settings.telegram().token() : "telegram-is-off");
    }

    /**
     * Remote JMX (JMX_PORT &gt; 0), read-only for the users of JMX_PASSWORD_FILE; without a fit password file, or when
     * its port cannot be had, the daemon runs without it (one errors.log line): monitoring never stops rebalancing.
     */
    private static Jmx.Remote remoteJmx(Settings settings, ErrorLog errors) {
        if (settings.monitoring().jmxPort() == 0) {
            return null;
        }
        Optional<String> problem = JmxPasswordFile.problem(settings.monitoring().jmxPort(),
                settings.monitoring().jmxPasswordFile());
        if (problem.isPresent()) {
            errors.report(ErrorLog.Kind.JMX, problem.get());
            return null;
        }
        try {
            return Jmx.remote(settings.monitoring().jmxPort(), settings.monitoring().jmxPasswordFile());
        } catch (IOException | RuntimeException e) {
            errors.report(ErrorLog.Kind.JMX, "remote JMX could not start on 127.0.0.1:" + settings.monitoring().jmxPort(), e);
            return null;
        }
    }

    /** The notices' sender, sending each through the notify route, and what a stop leaves in DATA_DIR for the next start. */
    private static PaymentNotices paymentNotices(CamelContext context, Tunables tunables, Settings settings,
            ErrorLog errors, Clock clock) {
        ProducerTemplate notify = context.createProducerTemplate();
        NoticeSender.Problems problems = new NoticeSender.Problems() {
            @Override
            public void gaveUp(int attempts, String why) {
                errors.report(ErrorLog.Kind.TELEGRAM, "message not sent: " + why, "message not sent after " + attempts
                        + (attempts == 1 ? " attempt: " : " attempts: ") + why);
            }

            @Override
            public void dropped(int capacity) {
                errors.report(ErrorLog.Kind.TELEGRAM, "payment notices dropped: Telegram is " + capacity
                        + " messages behind (the payments are in the ledger)");
            }
        };
        NoticeSender sender = new NoticeSender(
                html -> notify.requestBody("direct:notify", html), problems,
                tunables.notifyQueueSize(), tunables.telegramSpacing(),
                tunables.telegramRetryDelay(), Duration.ofSeconds(60), clock);
        return new PaymentNotices(sender, new PendingNotices(settings.files().dataDir()), errors);
    }
}
