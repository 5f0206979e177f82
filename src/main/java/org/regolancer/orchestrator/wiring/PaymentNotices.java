package org.regolancer.orchestrator.wiring;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.regolancer.orchestrator.ledger.Payment;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.telegram.NoticeSender;
import org.regolancer.orchestrator.telegram.PaymentMessage;
import org.regolancer.orchestrator.telegram.PendingNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.regolancer.orchestrator.lndg.FinishedJob;
import org.regolancer.orchestrator.telegram.LndgRebalanceMessage;
import org.regolancer.orchestrator.ops.Words;

/**
 * The payment notices of the running daemon: the record-payment route hands each payment over, the
 * {@link NoticeSender} sends it through the {@code notify} route; what a stop leaves unsent waits in
 * {@code notices-pending.jsonl} and goes out first after the next start.
 */
public class PaymentNotices {

    private static final Logger LOG = LoggerFactory.getLogger("org.regolancer.orchestrator");

    private final NoticeSender sender;
    private final PendingNotices pending;
    private final ErrorLog errors;

    PaymentNotices(NoticeSender sender, PendingNotices pending, ErrorLog errors) {
        this.sender = sender;
        this.pending = pending;
        this.errors = errors;
    }

    /** A payment is in the ledger: its notice joins the queue (a full queue drops it, in one errors.log line). */
    public void offer(Payment payment) {
        sender.offer(PaymentMessage.html(payment));
    }

    /** A rebalance LNDg's own auto-rebalancer completed: its notice joins the same queue as ours (marked as LNDg's). */
    public void offerLndg(FinishedJob job) {
        sender.offer(LndgRebalanceMessage.html(job.valueSat(), job.targetName(),
                job.feeMsat(), job.feePpm()));
    }

    /** At start: the notices the last stop left unsent go first; their file goes once they are sent. */
    void resume() {
        try {
            List<String> waited = pending.read();
            if (!waited.isEmpty()) {
                LOG.info("{} left unsent at the last stop go out first",
                        Words.count(waited.size(), "notice"));
            }
            sender.resume(waited, this::forgetPending);
        } catch (IOException | RuntimeException e) {
            errors.report("telegram", "cannot read " + PendingNotices.FILE + " (its notices are not sent)", e);
        }
    }

    private void forgetPending() {
        try {
            pending.delete();
        } catch (IOException e) {
            errors.report("telegram", "cannot remove " + PendingNotices.FILE + " (its notices went out)", e);
        }
    }

    /** A one-cycle run: the cycle's notices get this long before the daemon stops. */
    void awaitSent(Duration max) {
        try {
            sender.awaitIdle(max);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The daemon stops: sends on until the deadline, then keeps what is left for the next start (only then writes). */
    void stop(Instant deadline) {
        List<String> left;
        try {
            left = sender.stop(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (left.isEmpty()) {
            return;
        }
        try {
            pending.write(left);
            errors.report("telegram", left.size() + " payment notices were not sent before the stop (Telegram asked to wait "
                    + "or did not answer); they wait in " + PendingNotices.FILE + " and go out after the next start");
        } catch (IOException | RuntimeException e) {
            errors.report("telegram", left.size() + " payment notices were not sent before the stop and cannot be kept in "
                    + PendingNotices.FILE + " (the payments are in the ledger)", e);
        }
    }
}
