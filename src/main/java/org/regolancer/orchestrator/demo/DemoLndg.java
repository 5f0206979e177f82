package org.regolancer.orchestrator.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.regolancer.orchestrator.demo.DjangoLogin;

/**
 * The demo's LNDg: a loopback HTTP server answering {@code /api/channels/} with a bundled, realistic sample, its
 * settings, and 60 days of its own rebalances and forwards ({@link DemoHistory}), with LNDg's login page and its
 * authentication ({@link DjangoLogin}), so the demo runs the real login, the real fetch route and the real report.
 */
public final class DemoLndg implements AutoCloseable {

    public static final String USER = "demo";
    public static final String PASSWORD = "demo-password";

    private final HttpServer server;
    private volatile DemoNode node;

    private DemoLndg(HttpServer server) {
        this.server = server;
    }

    /**
     * From now on the channels are the demo node's ({@link DemoNode}): several sources and targets whose balances
     * follow this start's payments in {@code ledger}. Not when a test drives the stand-in regolancer with a behaviour
     * file of its own: the bundled sample stays as it is then.
     */
    public void actAsNode(Path ledger) throws IOException {
        node = new DemoNode(ledger);
    }

    public static DemoLndg start() throws IOException {
        byte[] channels;
        try (InputStream in = DemoLndg.class.getResourceAsStream("/demo/lndg-channels.json")) {
            channels = in.readAllBytes();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DjangoLogin login = new DjangoLogin(USER, PASSWORD).register(server);
        DemoLndg demo = new DemoLndg(server);
        server.createContext("/api/channels/", exchange -> {
            if (login.authorized(exchange)) {
                DemoNode node = demo.node;
                send(exchange, 200, node == null ? channels : node.channels());
            }
        });
        // LNDg's global settings: its rebalancer has run here, so AR-MaxFeeRate is set
        byte[] settings = ("{\"count\":3,\"next\":null,\"previous\":null,\"results\":["
                + "{\"url\":\"http://127.0.0.1/api/settings/AR-Enabled/\",\"key\":\"AR-Enabled\",\"value\":\"1\"},"
                + "{\"url\":\"http://127.0.0.1/api/settings/AR-MaxFeeRate/\",\"key\":\"AR-MaxFeeRate\",\"value\":\"500\"},"
                + "{\"url\":\"http://127.0.0.1/api/settings/AR-WaitPeriod/\",\"key\":\"AR-WaitPeriod\",\"value\":\"30\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/api/settings/", exchange -> {
            if (login.authorized(exchange)) {
                send(exchange, 200, settings);
            }
        });
        // 60 days of LNDg's own rebalances and of forwards, so the demo's report has figures from the first moment
        DemoHistory history = DemoHistory.now();
        server.createContext("/api/rebalancer/", exchange -> {
            if (login.authorized(exchange)) {
                send(exchange, 200, history.rebalancer(query(exchange)));
            }
        });
        server.createContext("/api/forwards/", exchange -> {
            if (login.authorized(exchange)) {
                send(exchange, 200, history.forwards(query(exchange)));
            }
        });
        server.start();
        return demo;
    }

    private static java.util.Map<String, String> query(HttpExchange exchange) {
        java.util.Map<String, String> query = new java.util.HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String part : raw.split("&")) {
                String[] kv = part.split("=", 2);
                query.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    public String baseUrl() {
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
