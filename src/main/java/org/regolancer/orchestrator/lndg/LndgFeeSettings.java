package org.regolancer.orchestrator.lndg;

import java.time.Duration;
import java.time.Instant;

/**
 * LNDg's {@code AR-MaxFeeRate} as the fee rule uses it: read from {@code /api/settings/} at most every
 * {@code refresh} (it changes when the operator edits it in LNDg, not every cycle), tried again after {@code retry}
 * when reading failed. Until a read works it is LNDg's own default, {@value #LNDG_DEFAULT}; after a failed read, the
 * last value read.
 */
public final class LndgFeeSettings {

    /** LNDg's default when its settings hold no AR-MaxFeeRate row. */
    public static final long LNDG_DEFAULT = 500;
    static final int MAX_PAGES = 50;

    private final Duration refresh;
    private final Duration retry;
    private long arMaxFeeRate = LNDG_DEFAULT;
    private boolean read;
    private Instant nextRead = Instant.MIN;

    public LndgFeeSettings(Duration refresh, Duration retry) {
        this.refresh = refresh;
        this.retry = retry;
    }

    public synchronized boolean due(Instant now) {
        return !now.isBefore(nextRead);
    }

    public SettingsFetch begin() {
        return new SettingsFetch(MAX_PAGES);
    }

    /** Every page was read: the value LNDg holds, or its default when it holds none. */
    public synchronized long read(SettingsFetch fetch, Instant now) {
        arMaxFeeRate = fetch.arMaxFeeRate().orElse(LNDG_DEFAULT);
        read = true;
        nextRead = now.plus(refresh);
        return arMaxFeeRate;
    }

    /** Reading failed: the value stays as it was; asked again after the retry interval. */
    public synchronized void failed(Instant now) {
        nextRead = now.plus(retry);
    }

    public synchronized long arMaxFeeRate() {
        return arMaxFeeRate;
    }

    /** True once a read worked (before that, {@link #arMaxFeeRate()} is LNDg's default). */
    public synchronized boolean everRead() {
        return read;
    }
}
