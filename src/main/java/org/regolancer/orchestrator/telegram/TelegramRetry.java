package org.regolancer.orchestrator.telegram;

import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Telegram's error answers out of camel-telegram's exception text (the only place it puts them): the
 * HTTP status, and a 429's {@code retry_after}. Decides whether another try can help.
 */
public final class TelegramRetry {

    public static final int MAX_ATTEMPTS = 4;
    /** Never wait longer than this for one retry_after. */
    public static final long MAX_RETRY_AFTER_SECONDS = 300;

    private static final Pattern RETRY_AFTER = Pattern.compile("\"retry_after\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("(?:responded: |: )([1-5]\\d\\d)\\b");
    private static final Pattern ERROR_CODE = Pattern.compile("\"error_code\"\\s*:\\s*(\\d{3})");

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
     * Bad request (400, e.g. can't parse entities), bad token (401), bot blocked (403) and unknown chat (404)
     * do not heal by retrying; everything else (429, 5xx, refused, timeouts) may.
     */
    public static boolean worthRetrying(String message, int failedAttempts) {
        if (failedAttempts >= MAX_ATTEMPTS) {
            return false;
        }
        OptionalInt status = status(message);
        return status.isEmpty() || status.getAsInt() == 429 || status.getAsInt() >= 500;
    }
}
