package org.regolancer.orchestrator.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TelegramRetryTest {

    private static final String TOO_MANY = "RuntimeCamelException: http://x/bot***/sendMessage responded: 429{\"ok\":false,"
            + "\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}";

    @Test
    void readsRetryAfterFromA429() {
        assertEquals(OptionalLong.of(7), TelegramRetry.retryAfterSeconds(TOO_MANY));
        assertEquals(OptionalLong.empty(), TelegramRetry.retryAfterSeconds("Connection refused"));
        assertEquals(OptionalLong.of(300), TelegramRetry.retryAfterSeconds("{\"retry_after\": 86400}"), "capped");
    }

    @Test
    void retriesWhatMayHealAndNothingElse() {
        assertTrue(TelegramRetry.worthRetrying(TOO_MANY, 0));
        assertTrue(TelegramRetry.worthRetrying("ConnectException: Connection refused", 1));
        assertTrue(TelegramRetry.worthRetrying("responded: 502<html>Bad Gateway</html>", 1));
        assertFalse(TelegramRetry.worthRetrying("responded: 401{\"ok\":false,\"error_code\":401}", 0), "bad token");
        assertFalse(TelegramRetry.worthRetrying("responded: 400{\"ok\":false,\"error_code\":400,"
                + "\"description\":\"Bad Request: can't parse entities\"}", 0));
        assertFalse(TelegramRetry.worthRetrying("responded: 403{\"error_code\":403}", 0), "bot blocked");
        assertFalse(TelegramRetry.worthRetrying(TOO_MANY, TelegramRetry.MAX_ATTEMPTS), "not forever");
    }
}
