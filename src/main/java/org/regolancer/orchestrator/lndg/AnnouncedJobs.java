package org.regolancer.orchestrator.lndg;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which of LNDg's completed rebalances are new, to be announced once each. LNDg's jobs complete out of id order (a job
 * with a lower id, run by another worker or for longer, may finish after a higher one), so a highest id alone would
 * miss the late ones: each read asks for the jobs that stopped in the hour before the last read, and the ids seen in
 * the last {@link #REMEMBER} (announced, or there at the baseline) are remembered, so none is announced twice or
 * missed. The first read of the first start is the baseline: what LNDg had finished then is never announced. The
 * state is kept across restarts ({@link #text()}): after one, what completed while the daemon was down is announced,
 * from {@link #CATCH_UP} back at most. Not thread-safe: one route reads it.
 */
public final class AnnouncedJobs {

    /** Each read goes back this far before the last one: a job's stop may be written after a later read began. */
    public static final Duration OVERLAP = Duration.ofHours(1);
    /** After a restart, jobs that completed while the daemon was down are announced from this far back at most. */
    public static final Duration CATCH_UP = Duration.ofDays(1);
    /** A job's id is remembered this long after its stop: longer than any read looks back. */
    static final Duration REMEMBER = OVERLAP.multipliedBy(2);
    private static final String HEADER = "# LNDg's completed rebalances announced on Telegram (SEND_REBALANCE_MSG_LNDG): "
            + "the last read, then id,stop of the jobs seen in the two hours before it";

    /** Ids seen (announced or there at the baseline), with their stop. */
    private final Map<Long, Instant> seen = new TreeMap<>();
    /** The last read that was taken in, or null before the baseline. */
    private Instant lastRead;
    private boolean changed;

    private AnnouncedJobs() {
    }

    /** The first start: no baseline yet, the first read sets it. */
    public static AnnouncedJobs none() {
        return new AnnouncedJobs();
    }

    /** The state an earlier start kept ({@link #text()}); throws IllegalArgumentException on a text it cannot read. */
    public static AnnouncedJobs parse(String text) {
        AnnouncedJobs jobs = new AnnouncedJobs();
        for (String line : text.split("\n")) {
            String row = line.strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            try {
                if (row.startsWith("read=")) {
                    jobs.lastRead = Instant.parse(row.substring(5));
                } else {
                    String[] cells = row.split(",");
                    if (cells.length != 2) {
                        throw new IllegalArgumentException("expected id,stop");
                    }
                    jobs.seen.put(Long.parseLong(cells[0]), Instant.parse(cells[1]));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line '" + row + "' cannot be read", e);
            }
        }
        if (jobs.lastRead == null) {
            throw new IllegalArgumentException("no read= line");
        }
        return jobs;
    }

    /** Whether the baseline is set (a read was taken in, at this start or an earlier one). */
    public boolean baselined() {
        return lastRead != null;
    }

    /** The stop after which the next read asks for jobs. */
    public Instant readFrom(Instant now) {
        if (lastRead == null) {
            return now.minus(OVERLAP);
        }
        Instant from = lastRead.minus(OVERLAP);
        Instant earliest = now.minus(CATCH_UP);
        return from.isBefore(earliest) ? earliest : from;
    }

    /**
     * Takes in a read made at {@code now}: the jobs not seen before, oldest stop first, to be announced (none at the
     * baseline); they are remembered from now on.
     */
    public List<FinishedJob> fresh(List<FinishedJob> read, Instant now) {
        boolean baseline = lastRead == null;
        List<FinishedJob> fresh = new ArrayList<>();
        for (FinishedJob job : read) {
            if (!seen.containsKey(job.id())) {
                seen.put(job.id(), job.stop());
                changed = true;
                if (!baseline) {
                    fresh.add(job);
                }
            }
        }
        if (baseline) {
            // kept even when LNDg had none: a restart then knows the baseline was taken
            changed = true;
        }
        lastRead = now;
        Instant forget = now.minus(REMEMBER);
        seen.values().removeIf(stop -> stop.isBefore(forget));
        fresh.sort(Comparator.comparing(FinishedJob::stop).thenComparingLong(FinishedJob::id));
        return fresh;
    }

    /** Whether something worth keeping changed since the last {@link #text()} (a job seen, the baseline). */
    public boolean changed() {
        return changed;
    }

    /** The state to keep across a restart; what it holds counts as kept from now on. */
    public String text() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append("read=").append(lastRead).append('\n');
        seen.forEach((id, stop) -> out.append(id).append(',').append(stop).append('\n'));
        changed = false;
        return out.toString();
    }

    /** How many job ids are remembered now. */
    public int remembered() {
        return seen.size();
    }
}
