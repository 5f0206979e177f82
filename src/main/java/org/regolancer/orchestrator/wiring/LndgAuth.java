package org.regolancer.orchestrator.wiring;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.regolancer.orchestrator.lndg.LndgSession;
import org.regolancer.orchestrator.lndg.LndgSessionHandler;

/**
 * camel-http's client for LNDg (the cycle's channel fetch and {@code /api/settings/}) sends each request with the
 * process's one {@link LndgSession}: the session cookie, chosen per request (Basic auth only where a login cannot
 * work), and a new login when LNDg refuses the session. Nothing of it is in an endpoint URI (which Camel logs and
 * shows over JMX). The client keeps no cookies of its own: the session is the only one.
 */
public class LndgAuth implements HttpClientConfigurer {

    private final LndgSession session;

    public LndgAuth(LndgSession session) {
        this.session = session;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableCookieManagement().addExecInterceptorFirst(LndgSessionHandler.NAME, new LndgSessionHandler(session));
    }

    @Override
    public String toString() {
        return "LndgAuth[***]";
    }
}
