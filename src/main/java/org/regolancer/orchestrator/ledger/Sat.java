package org.regolancer.orchestrator.ledger;

/** An amount in whole satoshi, as payments and channel balances are counted; 1 sat is 1000 {@link Msat}. */
public record Sat(long value) implements Comparable<Sat> {

    public static final Sat ZERO = new Sat(0);

    public static Sat of(long sats) {
        return new Sat(sats);
    }

    public Sat plus(Sat other) {
        return new Sat(value + other.value);
    }

    public Msat msat() {
        return new Msat(Math.multiplyExact(value, 1000));
    }

    @Override
    public int compareTo(Sat other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " sat";
    }
}
