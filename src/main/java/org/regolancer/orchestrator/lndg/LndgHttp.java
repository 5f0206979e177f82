package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * GET requests to LNDg outside the cycle (the report, {@code /report}, {@code check}), through the process's one
 * {@link LndgSession} (the cycle's client shares it): the same HTTP client library as the cycle's, no redirects
 * followed (credentials never go elsewhere), time limits, and every failure an {@link LndgException} in words
 * ({@link LndgAnswer}). The client keeps no thread of its own.
 */
public final class LndgHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final LndgTls tls;
    private final CloseableHttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    /** With the system's trust only (LNDg over plain http, as in the tests). */
    public LndgHttp(LndgSession session, Duration readTimeout) {
        this(session, readTimeout, LndgTls.SYSTEM);
    }

    /**
     * @param readTimeout how long an answer may keep LNDg silent
     * @param tls         the certificates trusted for LNDg over https besides the system's (LNDG_TLS_CERT)
     */
    public LndgHttp(LndgSession session, Duration readTimeout, LndgTls tls) {
        this.base = session.base();
        this.tls = tls;
        this.client = HttpClients.custom()
                .setConnectionManager(LndgConnections.forBase(base, CONNECT_TIMEOUT, readTimeout, tls))
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(readTimeout.toMillis()))
                        .build())
                .disableCookieManagement().disableRedirectHandling().disableAutomaticRetries()
                .addExecInterceptorFirst(LndgSessionHandler.NAME, new LndgSessionHandler(session))
                .build();
    }

    public URI base() {
        return base;
    }

    /** The answer's body, when LNDg answered 200. */
    public String getText(String path, String query) {
        String base = this.base.toString();
        HttpGet get = new HttpGet((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path + "?" + query);
        get.setHeader("Accept", "application/json");
        try {
            return client.execute(get, response -> {
                String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                if (response.getCode() != 200) {
                    throw LndgAnswer.failure(this.base, path, response.getCode(), body);
                }
                return body;
            });
        } catch (IOException e) {
            throw LndgAnswer.unreachable(this.base, path, e, tls);
        }
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
