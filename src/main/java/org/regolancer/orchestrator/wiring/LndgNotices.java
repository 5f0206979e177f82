package org.regolancer.orchestrator.wiring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.regolancer.orchestrator.lndg.AnnouncedJobs;
import org.regolancer.orchestrator.lndg.FinishedJob;
import org.regolancer.orchestrator.lndg.FinishedJobs;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps the {@code lndg-notices} route calls (SEND_REBALANCE_MSG_LNDG): read LNDg's completed rebalances, take the
 * new ones ({@link AnnouncedJobs} decides), and keep what was announced in {@code DATA_DIR/lndg-notices.txt}, written
 * only when a job was seen or the baseline set (a success). A failing LNDg is one errors.log line, repeats held back.
 */
public class LndgNotices {

    public static final String FILE = "lndg-notices.txt";
    private static final Logger LOG = LoggerFactory.getLogger("org.regolancer.orchestrator");

    private final FinishedJobs lndg;
    private final Path file;
    private final ErrorLog errors;
    private final Clock clock;
    private final boolean logOperational;
    private final AnnouncedJobs jobs;

    public LndgNotices(FinishedJobs lndg, Path dataDir, ErrorLog errors, Clock clock, boolean logOperational) {
        this.lndg = lndg;
        this.file = dataDir.resolve(FILE);
        this.errors = errors;
        this.clock = clock;
        this.logOperational = logOperational;
        this.jobs = load();
    }

    private AnnouncedJobs load() {
        if (!Files.exists(file)) {
            return AnnouncedJobs.none();
        }
        try {
            return AnnouncedJobs.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            errors.report(ErrorLog.Kind.LNDG_NOTICES, FILE + " cannot be read (" + ErrorLog.describe(e) + "): LNDg's completed "
                    + "rebalances are announced from a new baseline (those of the downtime not)");
            return AnnouncedJobs.none();
        }
    }

    /** LNDg's completed rebalances since the last read (an hour before it: they complete out of id order). */
    public List<FinishedJob> read() {
        return lndg.since(jobs.readFrom(clock.instant()));
    }

    /** The jobs of the read not announced yet, oldest first; none at the baseline. */
    public List<FinishedJob> fresh(List<FinishedJob> read) {
        boolean baseline = !jobs.baselined();
        List<FinishedJob> fresh = jobs.fresh(read, clock.instant());
        errors.cleared(ErrorLog.Kind.LNDG_NOTICES);
        if (logOperational && baseline) {
            LOG.info("LNDg's completed rebalances: {} of the last hour taken as the baseline (not announced)", read.size());
        } else if (logOperational && !fresh.isEmpty()) {
            LOG.info("LNDg's completed rebalances: {} new, announced", fresh.size());
        }
        return fresh;
    }

    /** Keeps what was seen for the next start, when something was (one small atomic owner-only write). */
    public void keep() {
        if (!jobs.changed()) {
            return;
        }
        try {
            OwnerOnlyFiles.replace(file, jobs.text());
            errors.cleared(ErrorLog.Kind.LNDG_NOTICES_FILE);
        } catch (IOException | RuntimeException e) {
            errors.report(ErrorLog.Kind.LNDG_NOTICES_FILE, "cannot write " + FILE + " (after a restart LNDg's rebalances of the last "
                    + "hour may be announced again)", e);
        }
    }

    /** Reading LNDg failed: one errors.log line (repeats held back); the next read goes back to the last one that worked. */
    public void failed(Exception error) {
        errors.report(ErrorLog.Kind.LNDG_NOTICES, "LNDg's completed rebalances could not be read for their Telegram notices",
                "LNDg's completed rebalances could not be read for their Telegram notices (the next read "
                        + "goes back to the last that worked): " + ErrorLog.describe(error));
    }
}
