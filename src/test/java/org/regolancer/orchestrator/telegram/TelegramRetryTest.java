package org.regolancer.orchestrator.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TelegramRetryTest {

    private static final String TOO_MANY = "http://x/bot***/sendMessage responded: 429{\"ok\":false,"
            + "\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}";
    private static final Duration FIRST = Duration.ofSeconds(2);

    @Test
    void readsRetryAfterFromA429() {
        assertEquals(OptionalLong.of(7), TelegramRetry.retryAfterSeconds(TOO_MANY));
        assertEquals(OptionalLong.empty(), TelegramRetry.retryAfterSeconds("Connection refused"));
        assertEquals(OptionalLong.of(3600), TelegramRetry.retryAfterSeconds("{\"retry_after\": 86400}"), "one wait at most an hour");
    }

    @Test
    void a429IsWaitedOutAsOftenAsTelegramAsks() {
        for (int failed : new int[] {0, 3, 4, 100}) {
            TelegramRetry.Decision decision = TelegramRetry.decide(TOO_MANY, failed, FIRST);
            assertFalse(decision.giveUp(), "no attempt cap for a 429, " + failed + " failures before");
            assertTrue(decision.rateLimited());
            assertEquals(Duration.ofSeconds(7), decision.delay());
        }
    }

    @Test
    void fiveHundredsAndTimeOutsBackOffDoublingForFourAttempts() {
        String gateway = "responded: 502<html>Bad Gateway</html>";
        assertEquals(Duration.ofSeconds(2), TelegramRetry.decide(gateway, 1, FIRST).delay());
        assertEquals(Duration.ofSeconds(4), TelegramRetry.decide("connection refused", 2, FIRST).delay());
        assertEquals(Duration.ofSeconds(8), TelegramRetry.decide("request timed out", 3, FIRST).delay());
        assertTrue(TelegramRetry.decide(gateway, TelegramRetry.MAX_ATTEMPTS, FIRST).giveUp(), "not forever");
        assertEquals(Duration.ofSeconds(60), TelegramRetry.decide(gateway, 3, Duration.ofSeconds(40)).delay(), "at most 60 s");
    }

    @Test
    void refusalsThatDoNotHealAreGivenUpAtOnce() {
        assertTrue(TelegramRetry.decide("responded: 401{\"ok\":false,\"error_code\":401}", 1, FIRST).giveUp(), "bad token");
        assertTrue(TelegramRetry.decide("responded: 400{\"ok\":false,\"error_code\":400,"
                + "\"description\":\"Bad Request: can't parse entities\"}", 1, FIRST).giveUp());
        assertTrue(TelegramRetry.decide("responded: 403{\"error_code\":403}", 1, FIRST).giveUp(), "bot blocked");
        assertTrue(TelegramRetry.decide("responded: 404{\"error_code\":404}", 1, FIRST).giveUp(), "unknown chat");
    }

    @Test
    void aFailureIsTelegramsAnswerInWordsNeverTheRequestsUri() {
        String uri = "http://127.0.0.1:8081/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage";
        RuntimeException refused = new RuntimeException(new java.util.concurrent.ExecutionException(new java.io.IOException(
                uri + " responded: 500{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}")));
        assertEquals("Telegram answered 500: Internal Server Error", TelegramRetry.why(refused));
        RuntimeException noAnswer = new RuntimeException("Could not request GET " + uri,
                new java.net.http.HttpTimeoutException("request timed out"));
        assertEquals("request timed out", TelegramRetry.why(noAnswer));
        assertEquals("LNDg /api/forwards/ answered HTTP 502 (Bad Gateway)", TelegramRetry.why(
                new IllegalStateException("LNDg /api/forwards/ answered HTTP 502 (Bad Gateway)")), "not Telegram's: as it is");
    }
}
