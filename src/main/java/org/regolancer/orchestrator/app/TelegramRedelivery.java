package org.regolancer.orchestrator.app;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.telegram.TelegramRetry;

/** The notify route's redelivery hooks: whether to try again, and honouring a 429's retry_after before it. */
public class TelegramRedelivery implements Processor {

    private static final String ATTEMPTS = "telegramAttempts";
    private final ErrorLog errors;

    public TelegramRedelivery(ErrorLog errors) {
        this.errors = errors;
    }

    public boolean shouldRetry(Exchange exchange) {
        // Camel counts the failed attempt before asking, and drops its counter once it gives up: keep our own
        int failedAttempts = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        exchange.setProperty(ATTEMPTS, failedAttempts);
        return TelegramRetry.worthRetrying(messageOf(exchange), failedAttempts);
    }

    /** Runs before each redelivery: waits what Telegram asked for on a 429, on top of the back-off. */
    @Override
    public void process(Exchange exchange) throws Exception {
        var wait = TelegramRetry.retryAfterSeconds(messageOf(exchange));
        if (wait.isPresent()) {
            Thread.sleep(wait.getAsLong() * 1000);
        }
    }

    public void gaveUp(Exchange exchange) {
        String why = messageOf(exchange);
        int attempts = exchange.getProperty(ATTEMPTS, 1, Integer.class);
        errors.report("telegram", "message not sent: " + why, "message not sent after " + attempts
                + (attempts == 1 ? " attempt: " : " attempts: ") + why);
    }

    /** Telegram is so far behind that the notice queue is full: this payment goes unannounced (it is in the ledger). */
    public void noticeDropped(Exchange exchange) {
        errors.report("telegram", "payment notices dropped: Telegram is " + exchange.getContext().resolvePropertyPlaceholders(
                "{{notify.queue-size}}") + " messages behind (the payments are in the ledger)");
    }

    private static String messageOf(Exchange exchange) {
        Throwable error = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return error == null ? "" : ErrorLog.describe(error);
    }
}
