package org.regolancer.orchestrator.cycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.exec.ExecResult;
import org.regolancer.orchestrator.judgment.FeePolicy;
import org.regolancer.orchestrator.judgment.RunEffect;
import org.regolancer.orchestrator.ledger.Ledger;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Payment;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.Pair;
import org.regolancer.orchestrator.regolancer.ProcessResult;
import org.regolancer.orchestrator.regolancer.RunConfigRenderer;
import org.regolancer.orchestrator.regolancer.RunFiles;
import org.regolancer.orchestrator.regolancer.RunOutcome;
import org.regolancer.orchestrator.regolancer.StatFile;
import org.regolancer.orchestrator.regolancer.StatRow;
import org.regolancer.orchestrator.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of one pair's run that the run-pair route calls: write its config, read its payments, clean up. */
public class RegolancerRuns {

    private static final Logger LOG = LoggerFactory.getLogger(RegolancerRuns.class);

    private final Settings settings;
    private final RunFiles files;
    private final RunConfigRenderer renderer;
    private final CycleStats stats;
    private final ErrorLog errors;
    private final Ledger ledger;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, RunTicket> byConfig = new ConcurrentHashMap<>();
    /** Runs whose stat file has been read: its payments are on their way to the ledger and must not go twice. */
    private final Set<String> paymentsTaken = ConcurrentHashMap.newKeySet();

    private final Judge judge;
    private final BooksService books;

    /** @param books where each payment counts at once against its target's refill budget, or null */
    public RegolancerRuns(Settings settings, RunFiles files, CycleStats stats, ErrorLog errors, Ledger ledger, Clock clock,
            Judge judge, BooksService books) {
        this.books = books;
        this.settings = settings;
        this.files = files;
        this.judge = judge;
        this.renderer = new RunConfigRenderer(settings.files().template(), settings.judgment().feePolicy() == FeePolicy.LNDG, settings.judgment().maxFeeCeiling());
        this.stats = stats;
        this.errors = errors;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Writes this pair's config (owner-only, in RAM where possible) and returns the run's ticket. */
    public RunTicket prepare(Pair pair, Cycle cycle) throws IOException {
        RunFiles.Run run = files.name(pair);
        Duration left = Duration.between(clock.instant(), cycle.getDeadline());
        ObjectNode config = renderer.render(pair, cycle.getAmountSat(), run.stat().toString(), left, cycle.getArMaxFeeRate(),
                cycle.budgetCapOf(pair.key()));
        RunTicket ticket = new RunTicket(pair, run, cycle, cycle.getDeadline());
        byConfig.put(run.config().toString(), ticket);
        files.writeConfig(run, json.writeValueAsString(config));
        if (settings.logs().operational()) {
            Channel s = pair.source();
            Channel t = pair.target();
            long amount = config.path("amount").asLong();
            LOG.info("Pair {} ({} out {}% ≥ {}%, margin {} sat) → {} ({} in {}% ≥ {}%): amount {} sat{}, pfrom {}, pto {}, timeout {} min{}{}",
                    s.displayName(), s.id(), s.outboundPercent(), s.arOutTarget(), s.outboundMargin(), t.displayName(), t.id(),
                    t.inboundPercent(), t.arInTarget(), amount, amount < cycle.getAmountSat() ? " (the source's margin)" : "",
                    pair.pfrom(), pair.pto(), config.path("timeout_rebalance").asLong(), config.has("econ_ratio_max_ppm")
                            ? ", econ_ratio " + config.path("econ_ratio").asText() + " (max " + config.path("econ_ratio_max_ppm").asLong() + " ppm)"
                            : "", RunConfigRenderer.rapid(settings.files().template()) && !RunConfigRenderer.rapid(config)
                            ? ", no rapid rebalancing" : "");
        }
        if (settings.logs().templateConfig()) {
            LOG.info("Config for {}: {}", pair.label(), pretty(config));
        }
        return ticket;
    }

    /** regolancer's arguments for this run (a plain call for the route: cheaper for Camel than an OGNL path). */
    public List<String> argsOf(RunTicket ticket) {
        return ticket.getArgs();
    }

    /** The ticket of the run whose config is the given argument list's {@code --config} file. */
    RunTicket ticketFor(List<String> args) {
        int i = args.indexOf("--config");
        RunTicket ticket = i >= 0 && i + 1 < args.size() ? byConfig.get(args.get(i + 1)) : null;
        if (ticket == null) {
            throw new IllegalStateException("no prepared run for arguments " + args);
        }
        return ticket;
    }

    /** The run has ended: its payments from its own stat file; a crash or a stop noted. */
    public List<Payment> payments(RunTicket ticket, ExecResult result) throws IOException {
        StatFile.Parsed stat = StatFile.parse(files.statLines(ticket.files()));
        if (!stat.malformed().isEmpty()) {
            errors.report(ErrorLog.Kind.REGOLANCER, "malformed stat rows", ticket.label() + ": " + stat.malformed().size()
                    + " malformed stat rows skipped, first: " + stat.malformed().get(0));
        }
        ProcessResult process = result instanceof RegolancerExecutor.Result r ? r.process()
                : new ProcessResult(result.getExitValue(), List.of(), false);
        RunOutcome outcome = RunOutcome.of(stat.rows().size(), process.exitValue(), process.stoppedByUs(), process.crashed());
        stats.run(outcome);
        if (process.stoppedByUs()) {
            ticket.cycle().stoppedRuns.incrementAndGet();
        }
        String last = process.lastLines().isEmpty() ? "" : ", last output: " + process.lastLines().get(process.lastLines().size() - 1);
        if (process.crashed() && !process.stoppedByUs()) {
            // a Go panic or fatal error, also after payments (they are counted all the same): the same crash of any
            // pair is one error
            errors.report(ErrorLog.Kind.REGOLANCER, "regolancer crashed: " + process.crash(), ticket.label() + ": regolancer crashed (exit "
                    + process.exitValue() + (stat.rows().isEmpty() ? "" : ", after " + stat.rows().size()
                    + (stat.rows().size() == 1 ? " payment, recorded" : " payments, recorded")) + "): " + process.crash());
        } else if (outcome == RunOutcome.FAILED) {
            errors.report(ErrorLog.Kind.REGOLANCER, "regolancer exited with " + process.exitValue(),
                    ticket.label() + ": regolancer exited with " + process.exitValue() + last);
        }
        RunEffect effect = RunEffect.of(outcome, process.exitValue(), process.lastLines());
        if (effect == RunEffect.UNEXPLAINED_FAILURE) {
            // LND unreachable, a macaroon it cannot read, a template it refuses: every pair fails alike, none waits
            errors.report(ErrorLog.Kind.REGOLANCER, "exit 1 naming no route failure", ticket.label() + ": regolancer exited with 1 "
                    + "without a route failure, no pair waits for it (is LND reachable, its macaroon readable, the template "
                    + "right?)" + last);
        }
        judge.runEnded(ticket.cycle(), ticket.pair(), effect);
        if (settings.logs().operational()) {
            LOG.info("Run {} ended: {} (exit {}, {})", ticket.label(), outcome, process.exitValue(),
                    org.regolancer.orchestrator.ops.Words.count(stat.rows().size(), "payment"));
        }
        List<Payment> payments = paymentsIn(stat, ticket);
        paymentsTaken.add(key(ticket));
        countInBooks(payments);
        return payments;
    }

    /**
     * At start, before any run: payments in stat files a killed daemon left behind, and ledger rows that waited for
     * the disk, go into the ledger (each only if it is not there yet); then the old run files are removed.
     *
     * @return how many rows were added to the ledger (or wait for it)
     */
    public int recoverLeftovers() {
        try {
            List<Payment> payments = new ArrayList<>();
            for (List<String> lines : files.leftoverStatFiles()) {
                for (StatRow row : StatFile.parse(lines).rows()) {
                    payments.add(new Payment(row.time(), row.fromChannel(), "", row.toChannel(), "", Msat.of(row.amountMsat()), Msat.of(row.feesMsat())));
                }
            }
            int added = ledger.recover(payments);
            files.deleteAll();
            if (added > 0) {
                LOG.info("Took {} of an earlier, stopped daemon into rebalances.csv (not announced; aliases blank)",
                        org.regolancer.orchestrator.ops.Words.count(added, "payment"));
            }
            return added;
        } catch (IOException | RuntimeException e) {
            errors.report(ErrorLog.Kind.LEDGER, "cannot take the files of an earlier run in", e);
            return 0;
        }
    }

    /** The run could not be made at all (binary missing or not executable, config not writable): counted, one line. */
    public void failed(Pair pair, Throwable error) {
        stats.run(RunOutcome.FAILED);
        errors.runFailed(pair, error);
    }

    /**
     * A run that failed with an exception after it was prepared (not an exit code: those end in {@link #payments}):
     * whatever regolancer paid before is in its stat file, and goes into the ledger all the same, once.
     */
    public List<Payment> paymentsOfFailedRun(RunTicket ticket) {
        if (ticket == null || !paymentsTaken.add(key(ticket))) {
            return List.of();
        }
        try {
            List<Payment> payments = paymentsIn(StatFile.parse(files.statLines(ticket.files())), ticket);
            countInBooks(payments);
            if (!payments.isEmpty()) {
                judge.runEnded(ticket.cycle(), ticket.pair(), RunEffect.PAID);
            }
            return payments;
        } catch (IOException | RuntimeException e) {
            // the file stays where it is: the next start takes its rows in
            paymentsTaken.remove(key(ticket));
            errors.report(ErrorLog.Kind.LEDGER, "cannot read the stat file of a failed run (the next start takes it in)", e);
            return List.of();
        }
    }

    /** A target's refill budget counts a payment the moment it is known, not at the books' next read. */
    private void countInBooks(List<Payment> payments) {
        if (books != null && !payments.isEmpty()) {
            books.paid(payments);
        }
    }

    /** DRY_RUN: the config was written and checked, regolancer is not run. */
    public void skipped(RunTicket ticket) {
        stats.run(RunOutcome.DRY_RUN);
    }

    private List<Payment> paymentsIn(StatFile.Parsed stat, RunTicket ticket) {
        List<Payment> payments = new ArrayList<>();
        for (StatRow row : stat.rows()) {
            payments.add(payment(row, ticket));
        }
        return payments;
    }

    private Payment payment(StatRow row, RunTicket ticket) {
        Map<org.regolancer.orchestrator.pairing.ChannelId, Channel> channels = ticket.cycle().channels();
        Channel from = channels.get(row.fromChannel());
        Channel to = channels.get(row.toChannel());
        return new Payment(row.time(), row.fromChannel(), from == null ? "" : from.alias(), row.toChannel(),
                to == null ? "" : to.alias(), Msat.of(row.amountMsat()), Msat.of(row.feesMsat()));
    }

    /** A payment is in the ledger: count it and say so in one line. */
    public void recorded(Payment payment, Cycle cycle) {
        stats.payment(payment);
        cycle.payments.incrementAndGet();
        LOG.info("{}", org.regolancer.orchestrator.telegram.PaymentMessage.logLine(payment));
    }

    /** Removes the run's config and, once its payments were taken, its stat file. */
    public void cleanup(RunTicket ticket) {
        byConfig.remove(ticket.files().config().toString());
        if (!paymentsTaken.remove(key(ticket)) && hasPayments(ticket)) {
            // never read (a bug or a failure reading it): left for the next start, which takes its rows in once
            try {
                files.deleteConfig(ticket.files());
            } catch (IOException e) {
                // removed with the folder's other leftovers at the next start
            }
            return;
        }
        try {
            files.delete(ticket.files());
        } catch (IOException e) {
            errors.report(ErrorLog.Kind.REGOLANCER, "cannot remove run files: " + ErrorLog.describe(e),
                    "cannot remove run files of " + ticket.label() + ": " + ErrorLog.describe(e));
        }
    }

    private boolean hasPayments(RunTicket ticket) {
        try {
            return !StatFile.parse(files.statLines(ticket.files())).rows().isEmpty();
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static String key(RunTicket ticket) {
        return ticket.files().stat().toString();
    }

    private String pretty(ObjectNode config) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            return config.toString();
        }
    }
}
