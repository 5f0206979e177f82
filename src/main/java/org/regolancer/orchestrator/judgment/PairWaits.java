package org.regolancer.orchestrator.judgment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.pairing.PairKey;

/**
 * Which pairs rest after failed runs, and until when. A pair's first failure in a row makes it wait {@code first}
 * from the run's end, each further one twice as long as the one before, never longer than {@code max}; a payment
 * forgets it. A pair LNDg no longer lists keeps its streak until {@code max} after its last run, then is forgotten.
 * A {@code first} of zero turns waiting off. Not thread-safe: {@link Judgment} holds it.
 */
public final class PairWaits {

    public static final String HEADER = "source_chan_id,target_chan_id,failures_in_a_row,last_run_end,wait_until";

    /** One resting pair: how many failures in a row, when the last run ended, when it may run again. */
    public record Wait(int failuresInARow, Instant lastEnd, Instant until) {

        private static final java.time.format.DateTimeFormatter UNTIL = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

        /** "until 2026-11-26 11:00:56 UTC after 1 failed run" (to the second: a wait to 11:00:56 is not over at 11:00). */
        public String text() {
            return "until " + UNTIL.format(until) + " after " + failuresInARow
                    + (failuresInARow == 1 ? " failed run" : " failed runs in a row");
        }
    }

    private final Duration first;
    private final Duration max;
    private final Map<PairKey, Wait> waits = new HashMap<>();

    public PairWaits(Duration first, Duration max) {
        if (first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 <= first <= max: " + first + ", " + max);
        }
        this.first = first;
        this.max = max;
    }

    public boolean enabled() {
        return !first.isZero();
    }

    /** A run of the pair failed (a route failure or a crash) and ended then: it rests. */
    public void failed(PairKey pair, Instant end) {
        if (!enabled()) {
            return;
        }
        Wait before = waits.get(pair);
        int failures = before == null ? 1 : before.failuresInARow() + 1;
        waits.put(pair, new Wait(failures, end, end.plus(waitAfter(failures))));
    }

    /** first × 2^(failures − 1), at most max. */
    Duration waitAfter(int failures) {
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** A run of the pair paid: its wait and streak are gone. @return whether it had one */
    public boolean paid(PairKey pair) {
        return waits.remove(pair) != null;
    }

    /** Until when the pair rests, or empty when it may run now. */
    public Optional<Wait> resting(PairKey pair, Instant now) {
        Wait wait = waits.get(pair);
        return wait != null && wait.until().isAfter(now) ? Optional.of(wait) : Optional.empty();
    }

    /**
     * Forgets pairs LNDg no longer lists whose last run ended at least {@code max} ago. @return whether any was
     * forgotten
     */
    public boolean forgetUnlisted(Set<PairKey> listed, Instant now) {
        return waits.entrySet().removeIf(e -> !listed.contains(e.getKey())
                && !e.getValue().lastEnd().plus(max).isAfter(now));
    }

    /** How many pairs rest now. */
    public int restingCount(Instant now) {
        return (int) waits.values().stream().filter(w -> w.until().isAfter(now)).count();
    }

    /** The resting pairs, the longest wait first. */
    public List<Map.Entry<PairKey, Wait>> restingNow(Instant now) {
        List<Map.Entry<PairKey, Wait>> resting = new ArrayList<>();
        waits.forEach((k, w) -> {
            if (w.until().isAfter(now)) {
                resting.add(Map.entry(k, w));
            }
        });
        resting.sort(Comparator.comparing((Map.Entry<PairKey, Wait> e) -> e.getValue().until()).reversed());
        return resting;
    }

    /** The waits as CSV, one pair a line under {@link #HEADER}. */
    public String toCsv() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        waits.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(PairKey::toString)))
                .forEach(e -> out.append(e.getKey().source()).append(',').append(e.getKey().target()).append(',')
                        .append(e.getValue().failuresInARow()).append(',').append(e.getValue().lastEnd()).append(',')
                        .append(e.getValue().until()).append('\n'));
        return out.toString();
    }

    /**
     * Takes waits written by {@link #toCsv()} (an earlier start's); a line that cannot be read is skipped. A wait is
     * never taken longer than {@code max} from its run's end, in case the setting was lowered since.
     *
     * @return how many lines were skipped
     */
    public int load(String csv) {
        int skipped = 0;
        for (String line : csv.split("\n")) {
            String row = line.strip();
            if (row.isEmpty() || row.equals(HEADER)) {
                continue;
            }
            try {
                String[] cells = row.split(",", -1);
                if (cells.length != 5) {
                    throw new IllegalArgumentException("expected 5 cells");
                }
                int failures = Integer.parseInt(cells[2]);
                Instant lastEnd = Instant.parse(cells[3]);
                Instant until = Instant.parse(cells[4]);
                if (failures < 1) {
                    throw new IllegalArgumentException("no failure");
                }
                Instant latest = lastEnd.plus(max);
                waits.put(new PairKey(new ChannelId(cells[0]), new ChannelId(cells[1])),
                        new Wait(failures, lastEnd, until.isAfter(latest) ? latest : until));
            } catch (RuntimeException e) {
                skipped++;
            }
        }
        return skipped;
    }
}
