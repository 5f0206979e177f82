package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.regolancer.orchestrator.ops.Secrets;

/**
 * The books', the report's and check's reads of LNDg against a server whose answers never end: the read stops at the
 * cap (or, for an error page, after its start) and drops the connection instead of reading on, and the next request
 * is answered. (The time-out only guards against a hang, which is what reading an endless answer to its end would be.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LndgHttpTest {

    private final HttpServer server;
    private final List<String> served = new ArrayList<>();

    LndgHttpTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/forwards/", exchange -> endless(exchange, 200, "{\"count\":1,\"next\":null,\"results\":[",
                "{\"id\":1,\"forward_date\":\"2026-12-03T10:00:00\",\"chan_id_out\":\"1\",\"amt_out_msat\":1000,\"fee\":0.1},"));
        server.createContext("/api/rebalancer/", exchange -> endless(exchange, 500, "<html><title>Server Error (500)</title>",
                "<p>and on and on</p>"));
        server.createContext("/api/settings/", exchange -> {
            served.add("settings");
            byte[] body = "{\"count\":1,\"next\":null,\"results\":[{\"key\":\"AR-MaxFeeRate\",\"value\":\"250\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** Chunked, without end: only a dropped connection stops it. */
    private void endless(HttpExchange exchange, int status, String start, String unit) throws IOException {
        served.add(exchange.getRequestURI().getPath());
        exchange.sendResponseHeaders(status, 0);
        byte[] more = unit.repeat(100).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(start.getBytes(StandardCharsets.UTF_8));
            while (true) {
                out.write(more);
            }
        } catch (IOException e) {
            // the client hung up: what it should do
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private LndgHttp http() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new LndgHttp(new LndgSession(base, "u", "p", Clock.systemUTC(), new Secrets("u", "p", "")), Duration.ofSeconds(30));
    }

    @Test
    void anEndlessPageStopsAtTheCapAndTheNextRequestIsAnswered() {
        LndgHttp http = http();
        int[] rows = {0};
        LndgException e = assertThrows(LndgException.class, () -> http.page("/api/forwards/", "limit=500", Set.of("id"),
                row -> rows[0]++));
        assertEquals("LNDg /api/forwards/ answered more than 16 MB, more than the largest real node's page; it was not read "
                + "further", e.getMessage());
        assertTrue(rows[0] > 100_000, "read a row at a time up to the cap: " + rows[0]);

        SettingsFetch settings = new SettingsFetch(10);
        http.readAll(settings);
        assertEquals(java.util.OptionalLong.of(250), settings.arMaxFeeRate(), "the next answer is read as ever");
    }

    @Test
    void anEndlessErrorPageIsNamedByItsTitle() {
        LndgException e = assertThrows(LndgException.class, () -> http().page("/api/rebalancer/", "status=2", Set.of("id"),
                row -> { }));
        assertEquals("LNDg /api/rebalancer/ answered HTTP 500 (Server Error (500)): LNDg itself failed; its log says why",
                e.getMessage());
    }
}
