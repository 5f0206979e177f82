package org.regolancer.orchestrator.books;

import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Sat;
import org.regolancer.orchestrator.pairing.ChannelId;

/** The sums of one slice of time for one channel (or, for LNDg's jobs, one peer); mutable, guarded by {@link Books}. */
final class Tally {

    long refills;
    Sat refilled = Sat.ZERO;
    Msat paid = Msat.ZERO;
    long unknownFeeRefills;
    long forwards;
    Sat forwarded = Sat.ZERO;
    Msat earned = Msat.ZERO;

    /** @param fee null when LNDg does not report it */
    void refill(Sat sats, Msat fee) {
        refills++;
        refilled = refilled.plus(sats);
        if (fee == null) {
            unknownFeeRefills++;
        } else {
            paid = paid.plus(fee);
        }
    }

    void forward(Sat sats, Msat fee) {
        forwards++;
        forwarded = forwarded.plus(sats);
        earned = earned.plus(fee);
    }

    void add(Tally other) {
        refills += other.refills;
        refilled = refilled.plus(other.refilled);
        paid = paid.plus(other.paid);
        unknownFeeRefills += other.unknownFeeRefills;
        forwards += other.forwards;
        forwarded = forwarded.plus(other.forwarded);
        earned = earned.plus(other.earned);
    }

    ChannelBook book(ChannelId id) {
        return new ChannelBook(id, refills, refilled, paid, unknownFeeRefills, forwards, forwarded, earned);
    }
}
