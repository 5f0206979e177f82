package org.regolancer.orchestrator.telegram;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.regolancer.orchestrator.ops.ErrorLog;

/**
 * Reads Telegram's error answers out of camel-telegram's exception text (the only place it puts them): the HTTP
 * status, and a 429's {@code retry_after}. Decides what to do after a failed attempt:
 * <ul>
 *   <li>429: Telegram asks us to wait, it is not a refusal: wait {@code retry_after}, as often as it asks;</li>
 *   <li>400 (e.g. can't parse entities), 401 (bad token), 403 (bot blocked), 404 (unknown chat): these do not heal,
 *       give up at once;</li>
 *   <li>anything else (5xx, refused, time-outs): back off, doubling from the first delay, {@value #MAX_ATTEMPTS}
 *       attempts at most.</li>
 * </ul>
 */
public final class TelegramRetry {

    public static final int MAX_ATTEMPTS = 4;
    /** Never wait longer than this for one retry_after (then ask again). */
    public static final long MAX_RETRY_AFTER_SECONDS = 3600;
    static final Duration MAX_BACK_OFF = Duration.ofSeconds(60);

    private static final Pattern RETRY_AFTER = Pattern.compile("\"retry_after\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("(?:responded: |: )([1-5]\\d\\d)\\b");
    private static final Pattern ERROR_CODE = Pattern.compile("\"error_code\"\\s*:\\s*(\\d{3})");
    private static final Pattern DESCRIPTION = Pattern.compile("\"description\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){1,300})\"");

    /** What to do after a failed attempt: give up, or wait this long and try again. */
    public record Decision(boolean giveUp, Duration delay, boolean rateLimited) {
        static Decision stopTrying() {
            return new Decision(true, Duration.ZERO, false);
        }
    }

    private TelegramRetry() {
    }

    public static OptionalLong retryAfterSeconds(String message) {
        Matcher m = RETRY_AFTER.matcher(message == null ? "" : message);
        return m.find() ? OptionalLong.of(Math.min(MAX_RETRY_AFTER_SECONDS, Long.parseLong(m.group(1)))) : OptionalLong.empty();
    }

    public static OptionalInt status(String message) {
        String text = message == null ? "" : message;
        Matcher code = ERROR_CODE.matcher(text);
        if (code.find()) {
            return OptionalInt.of(Integer.parseInt(code.group(1)));
        }
        Matcher m = STATUS.matcher(text);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /**
     * What Telegram answered, as camel-telegram reports it (the request URI, {@code responded: STATUS} and the JSON
     * body), or how the request failed (refused, no answer in time) when there was no answer.
     */
    public static String answerIn(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String text = cause.getMessage();
            if (text != null && (text.contains("responded: ") || text.contains("\"error_code\""))) {
                return text;
            }
        }
        // camel-telegram's "Could not request GET <URI>" says only which request (and holds the token): its cause says why
        Throwable why = error;
        while (why.getCause() != null && why.getCause() != why && why.getMessage() != null
                && why.getMessage().startsWith("Could not request ")) {
            why = why.getCause();
        }
        return ErrorLog.describe(why);
    }

    /**
     * A failure in words, for a step that may have failed at Telegram or elsewhere: Telegram's answer described
     * ("Telegram answered 500: …", never the request's URI, which holds the bot token), else the error described.
     */
    public static String why(Throwable error) {
        String answer = answerIn(error);
        return answer.contains("responded: ") || answer.contains("\"error_code\"") ? describe(answer) : answer;
    }

    /** For people: "Telegram answered 401: Unauthorized", or how the request failed. */
    public static String describe(String answer) {
        OptionalInt status = status(answer);
        if (status.isEmpty()) {
            return answer;
        }
        Matcher description = DESCRIPTION.matcher(answer);
        return "Telegram answered " + status.getAsInt() + (description.find() ? ": " + description.group(1) : "");
    }

    /**
     * @param failedAttempts the failed attempts so far that were not 429s (this one included when it was not)
     * @param firstBackOff the wait after the first failure that is not a 429; each next one twice as long
     */
    public static Decision decide(String message, int failedAttempts, Duration firstBackOff) {
        OptionalInt status = status(message);
        if (status.isPresent() && status.getAsInt() == 429) {
            return new Decision(false, Duration.ofSeconds(retryAfterSeconds(message).orElse(1)), true);
        }
        if (status.isPresent() && status.getAsInt() >= 400 && status.getAsInt() < 500) {
            return Decision.stopTrying();
        }
        if (failedAttempts >= MAX_ATTEMPTS) {
            return Decision.stopTrying();
        }
        Duration wait = firstBackOff;
        for (int i = 1; i < failedAttempts && wait.compareTo(MAX_BACK_OFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return new Decision(false, wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait, false);
    }
}
