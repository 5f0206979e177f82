package org.regolancer.orchestrator.books;

/** The sums of one slice of time for one channel (or, for LNDg's jobs, one peer); mutable, guarded by {@link Books}. */
final class Tally {

    long refills;
    long refillSats;
    long paidMsat;
    long unknownFeeRefills;
    long forwards;
    long forwardSats;
    long earnedMsat;

    void refill(long sats, Long feeMsat) {
        refills++;
        refillSats += sats;
        if (feeMsat == null) {
            unknownFeeRefills++;
        } else {
            paidMsat += feeMsat;
        }
    }

    void forward(long sats, long feeMsat) {
        forwards++;
        forwardSats += sats;
        earnedMsat += feeMsat;
    }

    void add(Tally other) {
        refills += other.refills;
        refillSats += other.refillSats;
        paidMsat += other.paidMsat;
        unknownFeeRefills += other.unknownFeeRefills;
        forwards += other.forwards;
        forwardSats += other.forwardSats;
        earnedMsat += other.earnedMsat;
    }
}
