// A stand-in LNDg for the benchmarks:
//   `java -cp target/regolancer-orchestrator.jar bench/StandinLndg.java PORT SOURCES TARGETS REQUEST_LOG [NEUTRAL]`.
// Serves /api/channels/ with SOURCES source channels and TARGETS target channels (distinct peers, so every
// source × target is a pair; fee fields such that LNDg's fee cap lets every target run) and appends one line per
// request (epoch millis) to REQUEST_LOG; /api/settings/ with AR-MaxFeeRate 500. Authenticates as LNDg does (the
// project's DjangoLogin: its login page, sessions, Basic auth) with user bench / bench-pass, and counts what each
// request cost: GET /bench/counts answers `channels=N settings=N reports=N basic=N session=N loginPosts=N logins=N`
// (basic and loginPosts are what makes LNDg hash the password).
import com.sun.net.httpserver.HttpServer;
import java.io.FileWriter;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.regolancer.orchestrator.demo.DjangoLogin;

public class StandinLndg {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int sources = Integer.parseInt(args[1]);
        int targets = Integer.parseInt(args[2]);
        String log = args[3];
        // channels that are neither source nor target (a balanced node's): 50 % local, not auto-rebalanced
        int neutral = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= sources + targets + neutral; i++) {
            boolean target = i > sources && i <= sources + targets;
            boolean balanced = i > sources + targets;
            if (rows.length() > 0) {
                rows.append(',');
            }
            rows.append(String.format("{\"chan_id\":\"%d\",\"remote_pubkey\":\"02%064x\",\"alias\":\"bench-%d\","
                    + "\"capacity\":1000000,\"local_balance\":%d,\"remote_balance\":%d,\"pending_outbound\":0,"
                    + "\"pending_inbound\":0,\"is_active\":true,\"is_open\":true,\"private\":false,"
                    + "\"auto_rebalance\":%b,\"ar_in_target\":90,\"ar_out_target\":75,\"local_fee_rate\":100,"
                    + "\"remote_fee_rate\":10,\"ar_max_cost\":65,\"htlc_count\":0}",
                    800000000000000000L + i, i, i, balanced ? 500000 : target ? 50000 : 900000,
                    balanced ? 500000 : target ? 950000 : 100000, target));
        }
        byte[] body = ("{\"count\":" + (sources + targets + neutral) + ",\"next\":null,\"previous\":null,\"results\":[" + rows + "]}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] empty = "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        DjangoLogin login = new DjangoLogin("bench", "bench-pass").register(server);
        AtomicInteger channels = new AtomicInteger();
        AtomicInteger settingsRead = new AtomicInteger();
        AtomicInteger reports = new AtomicInteger();
        server.createContext("/api/channels/", exchange -> {
            channels.incrementAndGet();
            try (FileWriter w = new FileWriter(log, true)) {
                w.write(System.currentTimeMillis() + "\n");
            }
            if (!login.authorized(exchange)) {
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        byte[] settings = ("{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"url\":\"http://127.0.0.1/api/settings/"
                + "AR-MaxFeeRate/\",\"key\":\"AR-MaxFeeRate\",\"value\":\"500\"}]}").getBytes(StandardCharsets.UTF_8);
        server.createContext("/api/settings/", exchange -> {
            settingsRead.incrementAndGet();
            if (!login.authorized(exchange)) {
                return;
            }
            exchange.sendResponseHeaders(200, settings.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(settings);
            }
        });
        for (String path : new String[] {"/api/rebalancer/", "/api/forwards/"}) {
            server.createContext(path, exchange -> {
                reports.incrementAndGet();
                if (!login.authorized(exchange)) {
                    return;
                }
                exchange.sendResponseHeaders(200, empty.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(empty);
                }
            });
        }
        server.createContext("/bench/counts", exchange -> {
            byte[] counts = String.format("channels=%d settings=%d reports=%d basic=%d session=%d loginPosts=%d logins=%d%n",
                    channels.get(), settingsRead.get(), reports.get(), login.basicAuthentications(), login.sessionRequests(),
                    login.loginPosts(), login.logins()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, counts.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(counts);
            }
        });
        server.start();
    }
}
