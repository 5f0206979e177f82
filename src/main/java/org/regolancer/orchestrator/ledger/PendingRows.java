package org.regolancer.orchestrator.ledger;

import java.io.IOException;

/**
 * Where ledger rows wait while {@code rebalances.csv} cannot be written (disk full, read-only): a place that
 * outlives the daemon's process (the run folder in RAM), so a restart still finds and writes them.
 */
public interface PendingRows {

    /** Replaces what is kept with these rows (CSV text, whole lines). */
    void keep(String csv) throws IOException;

    /** What is kept, or an empty string. */
    String load() throws IOException;

    /** Nothing is kept any more. */
    void clear() throws IOException;
}
