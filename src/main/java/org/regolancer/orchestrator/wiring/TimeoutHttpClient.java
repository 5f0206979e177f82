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

/**
 * An HttpClient that gives every request a time limit. camel-telegram builds its requests without one, so a
 * Telegram (or Bot API server) that never answers would hold the notify thread forever; with this, the send
 * fails after the limit and the route's retries take over. The JDK client inside is the {@link SharedHttpClient},
 * made on the first request: a daemon that never talks to Telegram loads no TLS classes and runs no selector thread.
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
        return delegate().sendAsync(limited(request), handler).orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate().sendAsync(limited(request), handler, pushPromiseHandler)
                .orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
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
