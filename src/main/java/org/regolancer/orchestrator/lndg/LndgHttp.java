package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.util.Timeout;
import org.regolancer.orchestrator.ops.ErrorLog;

/**
 * GET requests to LNDg outside the cycle (the report, {@code /report}, {@code check}), through the process's one
 * {@link LndgSession} (the cycle's client shares it): the same HTTP client library as the cycle's, no redirects
 * followed (credentials never go elsewhere), time limits, answers read as streams and at most
 * {@link AnswerLimit#MAX_BYTES} of each, and every failure an {@link LndgException} in words ({@link LndgAnswer}).
 * The client keeps no thread of its own.
 */
public final class LndgHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final LndgTls tls;
    private final CloseableHttpClient client;

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

    /**
     * Reads one page of a list, a row at a time: {@code rows} gets each row with only the {@code fields} asked for.
     * At most {@link AnswerLimit#MAX_BYTES} of the answer are read. @return the query of its {@code next} link
     */
    public Optional<String> page(String path, String query, Set<String> fields, Consumer<JsonNode> rows) {
        return read(path, query, body -> {
            try (InputStream capped = AnswerLimit.of(body, path)) {
                return DrfPage.read(capped, fields, rows);
            } catch (IOException e) {
                throw new LndgException("LNDg " + path + "'s answer could not be read: " + ErrorLog.describe(e));
            }
        });
    }

    /** Every page of a list, each handed to the fetch (which follows {@code next} by its query only). */
    public void readAll(PagedFetch fetch) {
        while (fetch.hasMore()) {
            read(fetch.getPath(), fetch.getNextQuery(), body -> {
                fetch.accept(body);
                return null;
            });
        }
    }

    /**
     * The answer's body as a stream for {@code reader}, when LNDg answered 200; any other answer is an
     * {@link LndgException} in words, of which only the start of its page was read.
     */
    private <T> T read(String path, String query, Function<InputStream, T> reader) {
        String base = this.base.toString();
        HttpGet get = new HttpGet((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path + "?" + query);
        get.setHeader("Accept", "application/json");
        try {
            return client.execute(get, response -> {
                InputStream body = response.getEntity() == null ? InputStream.nullInputStream() : response.getEntity().getContent();
                if (response.getCode() != 200) {
                    throw LndgAnswer.failure(this.base, path, response.getCode(), AnswerLimit.errorPage(body));
                }
                return reader.apply(body);
            });
        } catch (IOException e) {
            throw LndgAnswer.unreachable(this.base, path, e, tls);
        }
    }
}
