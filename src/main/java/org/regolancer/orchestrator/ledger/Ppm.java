package org.regolancer.orchestrator.ledger;

/** A fee rate in parts per million of the amount moved (1 ppm: 1 sat of fee for 1,000,000 sat). */
public record Ppm(long value) {

    public static Ppm of(long ppm) {
        return new Ppm(ppm);
    }

    /** The rate a fee is of an amount, to the nearest ppm; 0 for nothing moved. */
    public static Ppm of(Msat fee, Sat amount) {
        return new Ppm(amount.value() == 0 ? 0 : Math.round(fee.value() * 1000.0 / amount.value()));
    }

    @Override
    public String toString() {
        return value + " ppm";
    }
}
