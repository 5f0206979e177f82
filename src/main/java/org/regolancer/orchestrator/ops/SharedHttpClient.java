package org.regolancer.orchestrator.ops;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one JDK HTTP client for the few calls outside the cycle (Telegram, the report's LNDg reads, {@code check}),
 * made on the first call: a daemon that never makes one loads no TLS classes and keeps no selector thread, and one
 * that does keeps one selector thread, not one per use (a JDK 17 client cannot be closed). Every request carries
 * its own time limit; redirects are never followed (credentials never go elsewhere).
 */
public final class SharedHttpClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static HttpClient client;

    private SharedHttpClient() {
    }

    public static synchronized HttpClient get() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }
}
