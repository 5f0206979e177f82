package org.regolancer.orchestrator.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.regolancer.orchestrator.ops.SharedHttpClient;

/**
 * Telegram Bot API methods camel-telegram does not offer ({@code getMe}, {@code getChat}), and a plain
 * {@code sendMessage} for {@code check}: the JSON answer whatever its status, or an {@link IOException} when there was
 * none. The token is in the URL path only, which is never put into an exception or a log line here.
 */
public final class BotApi {

    private final URI base;
    private final String token;
    private final ObjectMapper json = new ObjectMapper();

    public BotApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public JsonNode getMe() throws IOException, InterruptedException {
        return call("getMe", null);
    }

    public JsonNode getChat(String chatId) throws IOException, InterruptedException {
        return call("getChat?chat_id=" + URLEncoder.encode(chatId, StandardCharsets.UTF_8), null);
    }

    public JsonNode sendMessage(String chatId, String text) throws IOException, InterruptedException {
        return call("sendMessage", json.createObjectNode().put("chat_id", chatId).put("text", text));
    }

    private JsonNode call(String method, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/bot" + token + "/" + method))
                .timeout(Duration.ofSeconds(15));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> response;
        try {
            response = SharedHttpClient.get().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // the JDK's messages carry no URL, but be sure: a new exception with the cause's words only
            throw new IOException(org.regolancer.orchestrator.ops.ErrorLog.describe(e).replace(token, "***"));
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IOException("Telegram answered HTTP " + response.statusCode() + " with something other than JSON");
        }
    }

    /** "401 Unauthorized" from an answer that is not ok. */
    public static String error(JsonNode answer) {
        return answer.path("error_code").asText("?") + " " + answer.path("description").asText("");
    }
}
