package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.SharedHttpClient;

/**
 * GET requests to LNDg outside the cycle (the report, {@code check}): Basic auth sent with the first request, no
 * redirects followed (credentials never go elsewhere), a time limit, and every failure an {@link LndgException} in
 * words ({@link LndgAnswer}), through the {@link SharedHttpClient} (made on the first request, not before).
 */
public final class LndgHttp {

    private final URI base;
    private final String authorization;
    private final Duration readTimeout;
    private final ObjectMapper json = new ObjectMapper();

    /** @param readTimeout the time limit of each request, connecting included */
    public LndgHttp(URI base, String user, String password, Duration readTimeout) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.readTimeout = readTimeout;
    }

    public URI base() {
        return base;
    }

    /** The answer's body, when LNDg answered 200. */
    public String getText(String path, String query) {
        String base = this.base.toString();
        URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path + "?" + query);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout)
                .header("Authorization", authorization).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = SharedHttpClient.get().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LndgException("LNDg " + path + " could not be reached (" + this.base + "): " + ErrorLog.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LndgException("interrupted while reading LNDg " + path);
        }
        if (response.statusCode() != 200) {
            throw LndgAnswer.failure(this.base, path, response.statusCode(), response.body());
        }
        return response.body();
    }

    /** The answer as JSON, when LNDg answered 200 with JSON. */
    public JsonNode get(String path, String query) {
        String body = getText(path, query);
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new LndgException("LNDg " + path + " answered with invalid JSON");
        }
    }

    /** Every page of a list, each handed to the fetch (which follows {@code next} by its query only). */
    public void readAll(PagedFetch fetch) {
        while (fetch.hasMore()) {
            fetch.accept(getText(fetch.getPath(), fetch.getNextQuery()));
        }
    }
}
