package org.regolancer.orchestrator.wiring;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.regolancer.orchestrator.ops.SharedHttpClient;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An HttpClient that gives every request a time limit. camel-telegram builds its requests without one, so a
 * Telegram (or Bot API server) that never answers would hold the notify thread forever; with this, the send
 * fails after the limit and the route's retries take over. The JDK client inside is the {@link SharedHttpClient},
 * made on the first request: a daemon that never talks to Telegram loads no TLS classes and runs no selector thread.
 *
 * <p>A message Telegram refuses (any answer but 2xx) fails the request here, with camel-telegram's own words for it
 * ({@code URI responded: STATUS BODY}, which {@code TelegramRetry} reads). camel-telegram's producer would otherwise
 * let the exchange go on as if the message had been sent and throw the failure past the route (a report whose text
 * was refused was marked sent; the route's {@code doTry} never saw it); failed here, the route gets the exception.
 */
final class TimeoutHttpClient extends HttpClient {

    private final Duration timeout;

    TimeoutHttpClient(Duration timeout) {
        this.timeout = timeout;
    }

    private static HttpClient delegate() {
        return SharedHttpClient.get();
    }

    private HttpRequest limited(HttpRequest request) {
        return request.timeout().isPresent() ? request : HttpRequest.newBuilder(request, (name, value) -> true)
                .timeout(timeout).build();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return delegate().send(limited(request), handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate().sendAsync(limited(request), handler).thenCompose(TimeoutHttpClient::refusedFails)
                .orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate().sendAsync(limited(request), handler, pushPromiseHandler).thenCompose(TimeoutHttpClient::refusedFails)
                .orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    /** An answer other than 2xx as a failure, in camel-telegram's words: {@code URI responded: STATUS BODY}. */
    static <T> CompletableFuture<HttpResponse<T>> refusedFails(HttpResponse<T> response) {
        if (response.statusCode() / 100 == 2) {
            return CompletableFuture.completedFuture(response);
        }
        String body;
        if (response.body() instanceof InputStream in) {
            try (in) {
                body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
        } else {
            body = String.valueOf(response.body());
        }
        return CompletableFuture.failedFuture(new IOException(response.request().uri() + " responded: "
                + response.statusCode() + body));
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate().cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate().connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate().followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate().proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate().sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate().sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate().authenticator();
    }

    @Override
    public Version version() {
        return delegate().version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate().executor();
    }
}
