package org.regolancer.orchestrator.app;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.telegram.TelegramRetry;

/** The notify route's redelivery hooks: whether to try again, and honouring a 429's retry_after before it. */
public class TelegramRedelivery implements Processor {

    private final ErrorLog errors;

    public TelegramRedelivery(ErrorLog errors) {
        this.errors = errors;
    }

    public boolean shouldRetry(Exchange exchange) {
        int tries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        return TelegramRetry.worthRetrying(messageOf(exchange), tries);
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
        errors.report("telegram", "message not sent after " + exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0,
                Integer.class) + " retries: " + messageOf(exchange));
    }

    private static String messageOf(Exchange exchange) {
        Throwable error = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return error == null ? "" : ErrorLog.describe(error);
    }
}
