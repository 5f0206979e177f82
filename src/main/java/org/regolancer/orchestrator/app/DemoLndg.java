package org.regolancer.orchestrator.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The demo's LNDg: a loopback HTTP server answering {@code /api/channels/} with a bundled, realistic sample and
 * checking Basic auth like LNDg does, so the demo runs the real fetch route.
 */
final class DemoLndg implements AutoCloseable {

    static final String USER = "demo";
    static final String PASSWORD = "demo-password";

    private final HttpServer server;

    private DemoLndg(HttpServer server) {
        this.server = server;
    }

    static DemoLndg start() throws IOException {
        byte[] channels;
        try (InputStream in = DemoLndg.class.getResourceAsStream("/demo/lndg-channels.json")) {
            channels = in.readAllBytes();
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/channels/", exchange -> {
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"detail\":\"Authentication credentials were not provided.\"}".getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, channels);
            }
        });
        // LNDg's global settings: its rebalancer has run here, so AR-MaxFeeRate is set
        byte[] settings = ("{\"count\":3,\"next\":null,\"previous\":null,\"results\":["
                + "{\"url\":\"http://127.0.0.1/api/settings/AR-Enabled/\",\"key\":\"AR-Enabled\",\"value\":\"1\"},"
                + "{\"url\":\"http://127.0.0.1/api/settings/AR-MaxFeeRate/\",\"key\":\"AR-MaxFeeRate\",\"value\":\"500\"},"
                + "{\"url\":\"http://127.0.0.1/api/settings/AR-WaitPeriod/\",\"key\":\"AR-WaitPeriod\",\"value\":\"30\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/api/settings/", exchange -> send(exchange, expected.equals(
                exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401, settings));
        // the demo node has no history of its own: LNDg's rebalancer and forwards lists are empty
        byte[] empty = "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}".getBytes(StandardCharsets.UTF_8);
        for (String path : new String[] {"/api/rebalancer/", "/api/forwards/"}) {
            server.createContext(path, exchange -> send(exchange, expected.equals(
                    exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401, empty));
        }
        server.start();
        return new DemoLndg(server);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
