package org.regolancer.orchestrator.wiring;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.telegram.TelegramRetry;

/**
 * The commands' poll failing (Telegram down, 409 when another program polls this bot or a webhook is set): one
 * errors.log line per kind of failure (repeats held back), no stack trace (camel-telegram's message would also hold
 * the token), and the consumer tries again later. A poll cut short by the daemon stopping is no failure.
 */
class TelegramPollStrategy implements PollingConsumerPollStrategy, ExceptionHandler {

    private final ErrorLog errors;

    TelegramPollStrategy(ErrorLog errors) {
        this.errors = errors;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        errors.cleared(ErrorLog.Kind.TELEGRAM_COMMANDS);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        if (endpoint.getCamelContext().isStopping() || Thread.currentThread().isInterrupted()) {
            return false;
        }
        String answer = TelegramRetry.answerIn(cause);
        String why = TelegramRetry.describe(answer);
        String hint = TelegramRetry.status(answer).orElse(0) == 409
                ? " (another program polls this bot, or a webhook is set: commands need this daemon to be the only one)" : "";
        errors.report(ErrorLog.Kind.TELEGRAM_COMMANDS, "commands cannot be received: " + why + hint + "; trying again later");
        return false;
    }

    /** The consumer's own report of the same failure: already in errors.log through {@link #rollback}. */
    @Override
    public void handleException(Throwable exception) {
    }

    @Override
    public void handleException(String message, Throwable exception) {
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
    }
}
