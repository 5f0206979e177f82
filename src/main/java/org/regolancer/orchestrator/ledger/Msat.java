package org.regolancer.orchestrator.ledger;

import java.math.BigDecimal;

/**
 * An amount in millisatoshi, as LND keeps fees (a fee of 0.4 sat is 400 msat): never mixed up with {@link Sat} where
 * both are plain numbers. Written as sats for a line of text ({@link #asSats()}).
 */
public record Msat(long value) implements Comparable<Msat> {

    public static final Msat ZERO = new Msat(0);

    public static Msat of(long msat) {
        return new Msat(msat);
    }

    public Msat plus(Msat other) {
        return new Msat(value + other.value);
    }

    /** The whole sats in it, the msat below a sat dropped (as LND rounds an amount in sats). */
    public Sat wholeSats() {
        return new Sat(value / 1000);
    }

    /** Exact, without trailing zeros: 17578 msat is "17.578". */
    public String asSats() {
        return asSats(value);
    }

    /** Exact, without trailing zeros: 17578 msat is "17.578", 1500 is "1.5", 2000000 is "2000". */
    public static String asSats(long msat) {
        return BigDecimal.valueOf(msat, 3).stripTrailingZeros().toPlainString();
    }

    @Override
    public int compareTo(Msat other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " msat";
    }
}
