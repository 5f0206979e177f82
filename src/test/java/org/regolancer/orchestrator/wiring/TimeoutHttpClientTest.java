package org.regolancer.orchestrator.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.FakeTelegram;
import org.regolancer.orchestrator.telegram.TelegramRetry;

/** The client camel-telegram sends with: a message Telegram refuses is a failed request, in camel-telegram's words. */
class TimeoutHttpClientTest {

    private final FakeTelegram telegram;
    private final TimeoutHttpClient client = new TimeoutHttpClient(Duration.ofSeconds(10));

    TimeoutHttpClientTest() throws IOException {
        telegram = new FakeTelegram();
    }

    @AfterEach
    void close() {
        telegram.close();
    }

    private HttpRequest sendMessage() {
        return HttpRequest.newBuilder(URI.create(telegram.apiUrl() + "/bot" + FakeTelegram.TOKEN + "/sendMessage"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"chat_id\":\"" + FakeTelegram.CHAT_ID + "\",\"text\":\"hi\"}")).build();
    }

    @Test
    void aRefusedMessageFailsTheRequestWithTelegramsAnswer() {
        telegram.failing("sendMessage", 429, FakeTelegram.tooManyRequests(7));
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> client.sendAsync(sendMessage(), HttpResponse.BodyHandlers.ofInputStream()).get());
        String message = failed.getCause().getMessage();
        assertTrue(message.startsWith(sendMessage().uri() + " responded: 429{\"ok\":false,\"error_code\":429"), "as camel-telegram says it");
        assertEquals(7, TelegramRetry.retryAfterSeconds(message).orElseThrow(), "the retry_after the notices wait for");
        assertEquals("Telegram answered 429: Too Many Requests: retry after 7", TelegramRetry.why(failed));
    }

    @Test
    void anAcceptedMessageIsTheAnswerAsItCame() throws Exception {
        HttpResponse<String> answer = client.sendAsync(sendMessage(), HttpResponse.BodyHandlers.ofString()).get();
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().startsWith("{\"ok\":true"), answer.body());
        assertEquals(1, telegram.delivered().size());
    }
}
