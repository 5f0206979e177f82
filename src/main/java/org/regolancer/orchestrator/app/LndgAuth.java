package org.regolancer.orchestrator.app;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * Sends LNDg's Basic credentials pre-emptively on every request as a default header of the HTTP client, so they
 * never appear in an endpoint URI (which Camel logs and shows over JMX).
 */
public class LndgAuth implements HttpClientConfigurer {

    private final String header;

    public LndgAuth(String user, String password) {
        this.header = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.setDefaultHeaders(List.of(new BasicHeader(HttpHeaders.AUTHORIZATION, header, true)));
    }

    @Override
    public String toString() {
        return "LndgAuth[***]";
    }
}
