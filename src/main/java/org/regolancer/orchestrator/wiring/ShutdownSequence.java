package org.regolancer.orchestrator.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.spi.CamelEvent;
import org.regolancer.orchestrator.cycle.CycleService;
import org.regolancer.orchestrator.cycle.CycleStats;
import org.regolancer.orchestrator.ledger.Ledger;
import org.regolancer.orchestrator.monitoring.Jmx;
import org.regolancer.orchestrator.monitoring.PrometheusCounters;
import org.regolancer.orchestrator.ops.Words;
import org.regolancer.orchestrator.regolancer.ProcessRunner;
import org.regolancer.orchestrator.regolancer.RunFiles;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's stop, in order, and what its start sets up for it: once started, the counters on Prometheus and the
 * notices a stop left unsent; as it stops, no new pair, regolancer stopped, the stopped runs' payments recorded and
 * their notices sent within a budget; once stopped, the RAM folder cleared, JMX closed and the one line of what it did.
 */
final class ShutdownSequence extends SimpleEventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);
    /** SIGTERM, then SIGKILL this much later. */
    static final Duration KILL_GRACE = Duration.ofSeconds(3);
    /** At a stop, notices are sent until this long after it began; what is left waits for the next start. */
    static final Duration NOTICE_STOP_BUDGET = Duration.ofSeconds(7);

    /** The daemon's parts the sequence stops and reports on. */
    record Daemon(CycleService cycles, ProcessRunner runner, PaymentNotices notices, Ledger ledger, RunFiles runFiles,
            CycleStats stats, Jmx.Remote remoteJmx) {
    }

    private final Daemon daemon;
    private final Clock clock;
    private final boolean metrics;
    private volatile Instant started;

    /** @param metrics whether the management server runs (MANAGEMENT_PORT), with its metrics registry */
    ShutdownSequence(Daemon daemon, Clock clock, boolean metrics) {
        this.daemon = daemon;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void notify(CamelEvent event) throws Exception {
        switch (event.getType()) {
            case CamelContextStarted -> started((CamelEvent.CamelContextEvent) event);
            case CamelContextStopping -> stopping();
            case CamelContextStopped -> stopped();
            default -> {
            }
        }
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event.getType() == CamelEvent.Type.CamelContextStarted
                || event.getType() == CamelEvent.Type.CamelContextStopping
                || event.getType() == CamelEvent.Type.CamelContextStopped;
    }

    private void started(CamelEvent.CamelContextEvent event) {
        started = clock.instant();
        if (metrics) {
            MeterRegistry meters = event.getContext().getRegistry().findSingleByType(MeterRegistry.class);
            if (meters != null) {
                PrometheusCounters.register(meters, daemon.stats());
            } else {
                LOG.warn("no metrics registry: the Prometheus counters are not available");
            }
        }
        // notices a stop left unsent go out first, now that the notify route runs
        daemon.notices().resume();
    }

    private void stopping() throws InterruptedException {
        // no new pairs, running regolancers stopped, so in-flight cycles end and record their payments
        Instant stopping = clock.instant();
        daemon.cycles().stop();
        daemon.runner().close();
        // the notices of what the stopped runs paid are queued before the notices are taken stock of
        daemon.cycles().awaitRunsRecorded(KILL_GRACE.plusSeconds(2));
        daemon.notices().stop(stopping.plus(NOTICE_STOP_BUDGET));
    }

    private void stopped() throws Exception {
        ProcessRunner runner = daemon.runner();
        if (!runner.awaitNoneRunning(KILL_GRACE.plusSeconds(1))) {
            LOG.warn("{} regolancer processes still running at exit", runner.runningCount());
        }
        runner.shutdownTimers();
        int waiting = daemon.ledger().pendingRows();
        if (waiting > 0) {
            LOG.warn("{} could not be written to rebalances.csv; they wait in {} and the next start writes them",
                    Words.count(waiting, "payment"), daemon.runFiles().pendingFile());
        }
        daemon.runFiles().deleteAll();
        Jmx.unregister();
        if (daemon.remoteJmx() != null) {
            daemon.remoteJmx().close();
        }
        if (started != null) {
            // what it did since it started (a start that failed says why, not this)
            LOG.info("{}", daemon.stats().stopLine(Duration.between(started, clock.instant()), waiting));
        }
    }
}
