package org.regolancer.orchestrator.wiring;

import org.regolancer.orchestrator.monitoring.Jmx;
import org.regolancer.orchestrator.monitoring.PrometheusCounters;
import org.regolancer.orchestrator.monitoring.RebalancerHealthCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.component.telegram.TelegramComponent;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.regolancer.orchestrator.cycle.CycleService;
import org.regolancer.orchestrator.cycle.CycleStats;
import org.regolancer.orchestrator.cycle.Judge;
import org.regolancer.orchestrator.judgment.Judgment;
import org.regolancer.orchestrator.judgment.PairWaits;
import org.regolancer.orchestrator.lndg.LndgFeeSettings;
import org.regolancer.orchestrator.cycle.Lifecycle;
import org.regolancer.orchestrator.cycle.RegolancerExecutor;
import org.regolancer.orchestrator.cycle.RegolancerRuns;
import org.regolancer.orchestrator.lndg.LndgConnections;
import org.regolancer.orchestrator.lndg.LndgHttp;
import org.regolancer.orchestrator.lndg.BooksReader;
import org.regolancer.orchestrator.books.Books;
import org.regolancer.orchestrator.cycle.BooksService;
import org.regolancer.orchestrator.judgment.RefillBudget;
import org.regolancer.orchestrator.lndg.LndgReportClient;
import org.regolancer.orchestrator.lndg.LndgSession;
import org.regolancer.orchestrator.lndg.LndgRetryPause;
import org.regolancer.orchestrator.ops.ChildEnvironment;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.report.ChartDrawer;
import org.regolancer.orchestrator.report.ChartProcess;
import org.regolancer.orchestrator.report.ReportService;
import org.regolancer.orchestrator.ops.Secrets;
import org.regolancer.orchestrator.regolancer.ProcessRunner;
import org.regolancer.orchestrator.ledger.Ledger;
import org.regolancer.orchestrator.regolancer.RunFiles;
import org.regolancer.orchestrator.settings.Settings;
import org.regolancer.orchestrator.settings.SettingsLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the plain beans the routes call, by name, and configures the components that hold secrets (LNDg auth,
 * the bot token) so no endpoint URI carries them. Settings come validated from {@link Main}, or — in route
 * tests — from Camel's properties.
 */
public class OrchestratorConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(OrchestratorConfiguration.class);
    /** SIGTERM, then SIGKILL this much later. */
    static final Duration KILL_GRACE = Duration.ofSeconds(3);
    /** At a stop, notices are sent until this long after it began; what is left waits for the next start. */
    static final Duration NOTICE_STOP_BUDGET = Duration.ofSeconds(7);
    /** A one-cycle run (RUN_FOREVER=false) gives its notices this long before the daemon stops. */
    static final Duration ONE_CYCLE_NOTICE_WAIT = Duration.ofSeconds(60);

    private final Settings given;
    private final Lifecycle lifecycle;

    public OrchestratorConfiguration() {
        this(null, new Lifecycle());
    }

    public OrchestratorConfiguration(Settings settings, Lifecycle lifecycle) {
        this.given = settings;
        this.lifecycle = lifecycle;
    }

    /**
     * The daily report's service; the {@code report} command builds the same one, drawing its chart in its own
     * (short-lived) process, where the daemon draws it in a process of the chart's own (docs/benchmarks.md: Footprint).
     */
    public static ReportService reportService(Settings settings, LndgHttp http, Clock clock, ErrorLog errors, ChartDrawer chart) {
        LndgReportClient lndg = new LndgReportClient(http, settings.lndgZone());
        ReportService reports = new ReportService(settings.reportZone(), settings.reportCron(), lndg, settings.dataDir(), clock,
                errors, chart);
        // the Python original's regolancer history in the template's stat file (not in the demo: its template is the operator's)
        if (!settings.demo()) {
            reports.templateStat(org.regolancer.orchestrator.report.OriginalStat.templateStat(
                    settings.template().path("stat").asText(""), settings.configTemplate()));
        }
        return reports;
    }

    public static RefillBudget refillBudget(Settings settings) {
        return new RefillBudget(settings.refillBudgetPercent(), settings.refillAllowanceSat() * 1000);
    }

    /**
     * Each channel's books (refill fees, forwarding earnings) over BOOKS_DAYS, read from the ledger and LNDg; kept only
     * when something reads them (the refill budget, the report). The {@code report} command builds its own.
     */
    public static BooksService booksService(Settings settings, LndgHttp http, Clock clock, ErrorLog errors, Duration day,
            Duration every, Duration retry) {
        return booksService(settings, http, clock, errors, day, every, retry, settings.logOperational(), settings.booksKept());
    }

    public static BooksService booksService(Settings settings, LndgHttp http, Clock clock, ErrorLog errors, Duration day,
            Duration every, Duration retry, boolean logOperational, boolean kept) {
        return new BooksService(kept, new Books(day.multipliedBy(settings.booksDays())),
                new BooksReader(http, settings.lndgZone()),
                settings.dataDir().resolve("rebalances.csv"), errors, clock, every, retry, logOperational);
    }

    /** The report's Channels block: the books now, with the names the last cycle saw. */
    public static org.regolancer.orchestrator.report.ChannelsBlock.View channelsView(BooksService books, Settings settings) {
        books.readIfNeverRead();
        java.util.Map<org.regolancer.orchestrator.pairing.ChannelId, String> names = new java.util.HashMap<>();
        books.channels().forEach(c -> names.put(c.id(), c.alias()));
        return new org.regolancer.orchestrator.report.ChannelsBlock.View(java.util.List.copyOf(books.read().values()), names,
                settings.booksDays(), books.lndgRead());
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent pc = (PropertiesComponent) context.getPropertiesComponent();
        // settings come only from our loader (env > .env > properties), never raw from the environment
        pc.setEnvironmentVariableMode(PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_NEVER);
        Settings settings = given != null ? given
                : SettingsLoader.load(key -> pc.resolveProperty(key).orElse(null), Path.of(""), false);
        settings.toProperties().forEach(pc::addOverrideProperty);

        Clock clock = Clock.systemUTC();
        Secrets secrets = new Secrets(settings.lndgUser(), settings.lndgPass(), settings.telegramToken());
        // the last guard: whatever reaches standard error or output (every log line) has the known secrets masked
        org.regolancer.orchestrator.ops.MaskedOutput.install(secrets);
        ErrorLog errors = new ErrorLog(settings.dataDir().resolve("errors.log"), secrets, clock);
        // one LNDg login for the cycle, the report and /report
        LndgSession lndgSession = lndgSession(settings, clock, secrets, errors);
        // LNDg's reads outside the cycle route (the books, the report, /report): one client and one connection pool
        LndgHttp lndgReads = lndgReads(lndgSession, settings.lndgTls());
        CycleStats stats = new CycleStats();
        RunFiles runFiles = new RunFiles(RunFiles.defaultBase(), settings.dataDir());
        // the RAM folder's name, kept in DATA_DIR (made, and the old fixed-name folder moved over, on the first start)
        runFiles.settle();
        Ledger ledger = new Ledger(settings.dataDir().resolve("rebalances.csv"), runFiles, errors);
        ProcessRunner runner = new ProcessRunner(KILL_GRACE, clock);
        LndgRetryPause lndgRetryPause = new LndgRetryPause(millis(pc, "lndg.retry-pause-first-ms"), millis(pc, "lndg.retry-pause-max-ms"));
        LndgFeeSettings lndgFees = new LndgFeeSettings(millis(pc, "lndg.settings-refresh-ms"), millis(pc, "lndg.settings-retry-ms"));
        Duration minute = millis(pc, "retry-wait.minute-ms");
        Judgment judgment = new Judgment(settings.feePolicy(), settings.maxPendingHtlcs(),
                new PairWaits(minute.multipliedBy(settings.retryWaitMinutes()), minute.multipliedBy(settings.retryWaitMaxMinutes())),
                settings.randomizePairs() ? new Random() : null, refillBudget(settings));
        Judge judge = new Judge(judgment, runFiles, stats, errors, clock, settings.logOperational());
        org.regolancer.orchestrator.cycle.Pause pause = new org.regolancer.orchestrator.cycle.Pause(settings.dataDir());
        stats.setPaused(pause::paused);
        BooksService books = booksService(settings, lndgReads, clock, errors, millis(pc, "books.day-ms"),
                millis(pc, "books.refresh-ms"), millis(pc, "books.retry-ms"));
        CycleService cycles = new CycleService(settings, stats, errors, lifecycle, clock, lndgRetryPause, lndgFees, judge, pause,
                books, ledger);
        // Ctrl-C reaches regolancer too, which exits 1 silently, perhaps before Camel's stop begins: the daemon is
        // stopping from that moment (no new pair, no cycle-limit line for the runs it ended), and such a run is a stopped one
        org.regolancer.orchestrator.ops.Sigint.onSigint(() -> {
            cycles.stop();
            runner.noteSigint();
        });
        RegolancerRuns runs = new RegolancerRuns(settings, runFiles, stats, errors, ledger, clock, judge, books);
        runs.recoverLeftovers();
        judge.loadWaits();
        // a worker thread per run going on, none while nothing runs (a balanced node keeps no idle threads)
        ThreadPoolProfile elastic = new ThreadPoolProfile("regolancer-worker");
        // (MAX_WORKERS + 1 threads at most, made as tokens arrive; each gone after 30 s without work). One more than
        // the workers: Camel's parallel split may hand out its tokens from a task on this pool, and with MAX_WORKERS
        // threads the last token then waited in the queue until a run ended (MAX_WORKERS - 1 runs at once, seen in
        // the tests now and then). The dispatch still lets MAX_WORKERS runs go at once, never more.
        elastic.setPoolSize(settings.maxWorkers() + 1);
        elastic.setMaxPoolSize(settings.maxWorkers() + 1);
        elastic.setMaxQueueSize(-1);
        elastic.setKeepAliveTime(30L);
        elastic.setTimeUnit(TimeUnit.SECONDS);
        elastic.setAllowCoreThreadTimeOut(true);
        ExecutorService workers = context.getExecutorServiceManager().newThreadPool(this, "regolancer-worker", elastic);

        Jmx.register(stats);
        Jmx.Remote remoteJmx = remoteJmx(settings, errors);
        // edits in routes/ apply while the daemon runs; a broken edit is refused and the old routes stay
        context.addService(new SafeRouteReload(pc.resolveProperty("routes.directory").orElse("routes"), errors,
                cycles::routesReloading, cycles::routesReloaded));
        if (settings.managementPort() > 0) {
            org.apache.camel.health.HealthCheckRegistry health = org.apache.camel.health.HealthCheckRegistry.get(context);
            if (health != null) {
                health.register(new RebalancerHealthCheck(new org.regolancer.orchestrator.ops.Readiness(
                        settings.readyMaxCycleAge(), settings.readyMaxLndgFailures()), stats, clock));
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
        ChildEnvironment children = ChildEnvironment.ofThisProcess(settings.lndgUser(), settings.lndgPass(), settings.telegramToken());
        registry.bind("regolancerExecutor", new RegolancerExecutor(runner, runs, secrets, settings.regolancerLiveLogs(), children));
        registry.bind("regolancerWorkers", workers);
        registry.bind("lndgAuth", new LndgAuth(lndgSession));
        PaymentNotices notices = paymentNotices(context, pc, settings, errors, clock);
        registry.bind("notices", notices);
        if (settings.sendLndgNotices()) {
            // LNDg's own completed rebalances, on the same session and client as the books' and the report's reads
            registry.bind("lndgNotices", new LndgNotices(new org.regolancer.orchestrator.lndg.FinishedJobs(lndgReads,
                    settings.lndgZone()), settings.dataDir(), errors, clock, settings.logOperational()));
        }
        lifecycle.setBeforeFinishing(() -> notices.awaitSent(ONE_CYCLE_NOTICE_WAIT));
        ReportService reports = reportService(settings, lndgReads, clock, errors, ChartProcess.ofThisJvm(children));
        reports.convertHistory();
        if (books.kept()) {
            reports.channels(() -> channelsView(books, settings));
        }
        registry.bind("reports", reports);
        registry.bind("commands", new TelegramCommands(new org.regolancer.orchestrator.commands.CommandDesk(settings.telegramChatId(),
                settings.telegramCommandUsers(), new org.regolancer.orchestrator.telegram.BotApi(settings.telegramApiUrl(),
                        settings.telegramToken()), clock, new org.regolancer.orchestrator.commands.CommandDesk.Control() {
                            @Override
                            public boolean pause() throws java.io.IOException {
                                return cycles.pause();
                            }

                            @Override
                            public boolean resume() throws java.io.IOException {
                                return cycles.resume();
                            }
                        }, new org.regolancer.orchestrator.commands.StatusText(stats, pause,
                                settings.dataDir().resolve("rebalances.csv"), settings.reportZone(), settings.refillBudgetOn()), errors),
                errors));
        // the commands' long poll waits up to telegram.poll-seconds for an answer: its client waits 10 s longer
        registry.bind("telegramPollClient", new TimeoutHttpClient(
                Duration.ofSeconds(Long.parseLong(pc.resolveProperty("telegram.poll-seconds").orElse("30")) + 10)));
        registry.bind("telegramPollStrategy", new TelegramPollStrategy(errors));

        // LNDg over plain http (the usual, on the node itself): camel-http's own pool would set up TLS it never uses; over
        // https: LNDG_TLS_CERT's certificates trusted beside the system's, and a time limit on the TLS handshake (an
        // https:// URL is camel-http's component of that name, another instance)
        context.getComponent(settings.lndgBaseUrl().getScheme().toLowerCase(java.util.Locale.ROOT), HttpComponent.class)
                .setClientConnectionManager(LndgConnections.forBase(settings.lndgBaseUrl(), millis(pc, "lndg.connect-timeout-ms"),
                        millis(pc, "lndg.read-timeout-ms"), settings.lndgTls()));
        if (settings.reportsEnabled()) {
            // the report is the only Quartz job: one thread, jobs in memory (with the report off Quartz is never started)
            java.util.Properties quartz = new java.util.Properties();
            quartz.setProperty("org.quartz.threadPool.threadCount", "1");
            quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            context.getComponent("quartz", QuartzComponent.class).setProperties(quartz);
        }
        TelegramComponent telegram = context.getComponent("telegram", TelegramComponent.class);
        telegram.setBaseUri(settings.telegramApiUrl().toString());
        Duration telegramTimeout = millis(pc, "telegram.timeout-ms");
        telegram.setClient(new TimeoutHttpClient(telegramTimeout));
        // the notify route's Telegram endpoint is made (not used) even when Telegram is off, and needs some token:
        // made with its route, it is stopped with it, after the routes that record payments
        telegram.setAuthorizationToken(settings.telegramConfigured() ? settings.telegramToken() : "telegram-is-off");

        java.util.concurrent.atomic.AtomicReference<java.time.Instant> started = new java.util.concurrent.atomic.AtomicReference<>();
        context.getManagementStrategy().addEventNotifier(new SimpleEventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) throws Exception {
                if (event.getType() == CamelEvent.Type.CamelContextStarted) {
                    started.set(clock.instant());
                    if (settings.managementPort() > 0) {
                        io.micrometer.core.instrument.MeterRegistry meters = context.getRegistry()
                                .findSingleByType(io.micrometer.core.instrument.MeterRegistry.class);
                        if (meters != null) {
                            PrometheusCounters.register(meters, stats);
                        } else {
                            LOG.warn("no metrics registry: the Prometheus counters are not available");
                        }
                    }
                    // notices a stop left unsent go out first, now that the notify route runs
                    notices.resume();
                } else if (event.getType() == CamelEvent.Type.CamelContextStopping) {
                    // no new pairs, running regolancers stopped, so in-flight cycles end and record their payments
                    java.time.Instant stopping = clock.instant();
                    cycles.stop();
                    runner.close();
                    // the notices of what the stopped runs paid are queued before the notices are taken stock of
                    cycles.awaitRunsRecorded(KILL_GRACE.plusSeconds(2));
                    notices.stop(stopping.plus(NOTICE_STOP_BUDGET));
                } else if (event.getType() == CamelEvent.Type.CamelContextStopped) {
                    if (!runner.awaitNoneRunning(KILL_GRACE.plusSeconds(1))) {
                        LOG.warn("{} regolancer processes still running at exit", runner.runningCount());
                    }
                    runner.shutdownTimers();
                    int waiting = ledger.pendingRows();
                    if (waiting > 0) {
                        LOG.warn("{} could not be written to rebalances.csv; they wait in {} and the next start writes them",
                                org.regolancer.orchestrator.ops.Words.count(waiting, "payment"), runFiles.pendingFile());
                    }
                    runFiles.deleteAll();
                    Jmx.unregister();
                    if (remoteJmx != null) {
                        remoteJmx.close();
                    }
                    if (started.get() != null) {
                        // what it did since it started (a start that failed says why, not this)
                        LOG.info("{}", stats.stopLine(java.time.Duration.between(started.get(), clock.instant()), waiting));
                    }
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event.getType() == CamelEvent.Type.CamelContextStarted
                        || event.getType() == CamelEvent.Type.CamelContextStopping
                        || event.getType() == CamelEvent.Type.CamelContextStopped;
            }
        });
    }


    /**
     * Remote JMX (JMX_PORT &gt; 0), read-only for the users of JMX_PASSWORD_FILE; without a fit password file, or when
     * its port cannot be had, the daemon runs without it (one errors.log line): monitoring never stops rebalancing.
     */
    private static Jmx.Remote remoteJmx(Settings settings, ErrorLog errors) {
        if (settings.jmxPort() == 0) {
            return null;
        }
        java.util.Optional<String> problem = org.regolancer.orchestrator.ops.JmxPasswordFile.problem(settings.jmxPort(),
                settings.jmxPasswordFile());
        if (problem.isPresent()) {
            errors.report("jmx", problem.get());
            return null;
        }
        try {
            return Jmx.remote(settings.jmxPort(), settings.jmxPasswordFile());
        } catch (java.io.IOException | RuntimeException e) {
            errors.report("jmx", "remote JMX could not start on 127.0.0.1:" + settings.jmxPort(), e);
            return null;
        }
    }

    /** The client for LNDg's reads outside the cycle route: the books' and the report's pages may take a while. */
    public static LndgHttp lndgReads(LndgSession session, org.regolancer.orchestrator.lndg.LndgTls tls) {
        return new LndgHttp(session, Duration.ofSeconds(60), tls);
    }

    /**
     * The process's one LNDg session: a fallback to Basic auth is one errors.log line (once per reason), a login after
     * LNDg refused the session is quiet (a line with LOG_OPERATIONAL).
     */
    public static LndgSession lndgSession(Settings settings, Clock clock, Secrets secrets, ErrorLog errors) {
        LndgSession session = new LndgSession(settings.lndgBaseUrl(), settings.lndgUser(), settings.lndgPass(), clock, secrets);
        return session.events(new LndgSession.Events() {
            @Override
            public void fellBack(String why) {
                errors.report("lndg-login", why);
            }

            @Override
            public void loggedIn() {
                if (settings.logOperational()) {
                    LOG.info("Logged in to LNDg: its API is asked with a session from now on");
                }
            }
        });
    }

    /** The notices' sender, sending each through the notify route, and what a stop leaves in DATA_DIR for the next start. */
    private static PaymentNotices paymentNotices(CamelContext context, PropertiesComponent pc, Settings settings,
            ErrorLog errors, Clock clock) {
        org.apache.camel.ProducerTemplate notify = context.createProducerTemplate();
        org.regolancer.orchestrator.telegram.NoticeSender.Problems problems = new org.regolancer.orchestrator.telegram.NoticeSender.Problems() {
            @Override
            public void gaveUp(int attempts, String why) {
                errors.report("telegram", "message not sent: " + why, "message not sent after " + attempts
                        + (attempts == 1 ? " attempt: " : " attempts: ") + why);
            }

            @Override
            public void dropped(int capacity) {
                errors.report("telegram", "payment notices dropped: Telegram is " + capacity
                        + " messages behind (the payments are in the ledger)");
            }
        };
        org.regolancer.orchestrator.telegram.NoticeSender sender = new org.regolancer.orchestrator.telegram.NoticeSender(
                html -> notify.requestBody("direct:notify", html), problems,
                Integer.parseInt(pc.resolveProperty("notify.queue-size").orElse("1000")), millis(pc, "telegram.spacing-ms"),
                millis(pc, "telegram.retry-delay-ms"), Duration.ofSeconds(60), clock);
        return new PaymentNotices(sender, new org.regolancer.orchestrator.telegram.PendingNotices(settings.dataDir()), errors);
    }

    /** An internal duration from application.properties (the jar's copy has every key). */
    private static Duration millis(PropertiesComponent pc, String key) {
        return Duration.ofMillis(Long.parseLong(pc.resolveProperty(key)
                .orElseThrow(() -> new IllegalStateException(key + " is missing from application.properties"))));
    }
}
