// A stand-in LNDg for bench/judgment.sh that behaves like a node:
// `java -cp target/regolancer-orchestrator.jar bench/NodeLndg.java PORT SEED` (LNDg's login from the project's jar).
// 5 source channels and 6 auto-rebalance targets: 30 pairs. Each pair has a fixed fate: S1→T1 and S2→T2 always pay,
// S3→T3, S4→T3, S5→T4 and S1→T4 pay with chance 0.3 (the k-th attempt of a pair draws from a generator seeded with
// SEED, the pair and k, so both runs of the bench see the same luck), the other 24 never pay. The stand-in
// regolancer (bench/node-regolancer) asks GET /bench/attempt?from=&to=&amount= and is told "paid" or "no-route"; a
// payment moves its amount from the source's local balance to the target's, so a refilled target stops being a
// target and a drained source stops being a source, as on a node. GET /bench/stats prints what happened.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

public class NodeLndg {

    static final int SOURCES = 5;
    static final int TARGETS = 6;
    static final long SOURCE_CAPACITY = 5_000_000;
    static final long TARGET_CAPACITY = 2_000_000;
    static final int AR_IN_TARGET = 90;
    static final int AR_OUT_TARGET = 75;

    static final class Channel {
        final int n;
        final boolean target;
        final long capacity;
        long local;
        long needed;
        long fullAtMillis;

        Channel(int n, boolean target) {
            this.n = n;
            this.target = target;
            this.capacity = target ? TARGET_CAPACITY : SOURCE_CAPACITY;
            this.local = target ? capacity * 5 / 100 : capacity * 90 / 100;
        }

        String id() {
            return Long.toString(800000000000000000L + n);
        }

        long remote() {
            return capacity - local;
        }

        boolean isTarget() {
            return target && remote() * 100 / capacity >= AR_IN_TARGET;
        }

        boolean isSource() {
            return !target && local * 100 / capacity >= AR_OUT_TARGET;
        }
    }

    static final Map<String, Channel> channels = new LinkedHashMap<>();
    static final Map<String, Double> chance = new HashMap<>();
    static final Map<String, Integer> attempts = new HashMap<>();
    static long seed;
    static long started = System.currentTimeMillis();
    static long runs, payments, moved, useful;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        seed = Long.parseLong(args[1]);
        for (int i = 1; i <= SOURCES; i++) {
            channels.put(new Channel(i, false).id(), new Channel(i, false));
        }
        for (int i = 1; i <= TARGETS; i++) {
            Channel t = new Channel(10 + i, true);
            // sats until inbound % falls below ar_in_target: remote must drop below capacity × ar_in_target / 100
            t.needed = t.remote() - (t.capacity * AR_IN_TARGET / 100 - 1);
            channels.put(t.id(), t);
        }
        fate(1, 11, 1.0);
        fate(2, 12, 1.0);
        fate(3, 13, 0.3);
        fate(4, 13, 0.3);
        fate(5, 14, 0.3);
        fate(1, 14, 0.3);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        // LNDg's authentication: its login page, sessions, Basic auth (user bench, password bench-pass)
        org.regolancer.orchestrator.demo.DjangoLogin login = new org.regolancer.orchestrator.demo.DjangoLogin("bench", "bench-pass")
                .register(server);
        server.createContext("/api/channels/", e -> {
            if (login.authorized(e)) {
                send(e, channelsJson());
            }
        });
        server.createContext("/api/settings/", e -> {
            if (login.authorized(e)) {
                send(e, "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"url\":\"http://127.0.0.1/api/settings/"
                        + "AR-MaxFeeRate/\",\"key\":\"AR-MaxFeeRate\",\"value\":\"500\"}]}");
            }
        });
        String empty = "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}";
        for (String path : new String[] {"/api/rebalancer/", "/api/forwards/"}) {
            server.createContext(path, e -> {
                if (login.authorized(e)) {
                    send(e, empty);
                }
            });
        }
        server.createContext("/bench/attempt", NodeLndg::attempt);
        server.createContext("/bench/stats", e -> send(e, stats()));
        server.start();
    }

    static void fate(int source, int target, double p) {
        chance.put(key(new Channel(source, false).id(), new Channel(target, true).id()), p);
    }

    static String key(String from, String to) {
        return from + ">" + to;
    }

    static synchronized void attempt(HttpExchange e) throws IOException {
        Map<String, String> q = new HashMap<>();
        for (String part : e.getRequestURI().getRawQuery().split("&")) {
            String[] kv = part.split("=", 2);
            q.put(kv[0], kv[1]);
        }
        String from = q.get("from");
        String to = q.get("to");
        long amount = Long.parseLong(q.get("amount"));
        runs++;
        String k = key(from, to);
        int attempt = attempts.merge(k, 1, Integer::sum);
        double p = chance.getOrDefault(k, 0.0);
        boolean pays = p >= 1.0 || (p > 0 && new SplittableRandom(seed * 1_000_003L + k.hashCode() * 31L + attempt).nextDouble() < p);
        Channel source = channels.get(from);
        Channel target = channels.get(to);
        if (!pays || source == null || target == null || source.local < amount || target.remote() < amount) {
            send(e, "no-route\n");
            return;
        }
        source.local -= amount;
        target.local += amount;
        payments++;
        moved += amount;
        long use = Math.min(amount, target.needed);
        useful += use;
        target.needed -= use;
        if (target.needed == 0 && target.fullAtMillis == 0) {
            target.fullAtMillis = System.currentTimeMillis();
        }
        send(e, "paid\n");
    }

    static synchronized String stats() {
        StringBuilder full = new StringBuilder();
        long usefulPossible = 0;
        for (Channel c : channels.values()) {
            if (!c.target) {
                continue;
            }
            boolean payable = chance.entrySet().stream().anyMatch(en -> en.getKey().endsWith(">" + c.id()) && en.getValue() > 0);
            if (payable) {
                full.append(full.length() == 0 ? "" : ", ").append("T").append(c.n - 10).append(' ')
                        .append(c.fullAtMillis == 0 ? "not full" : "full after " + (c.fullAtMillis - started) / 1000 + " s");
            }
        }
        return "runs " + runs + "\npayments " + payments + "\nmoved " + moved + "\nuseful " + useful + "\nfull " + full + "\n";
    }

    static synchronized String channelsJson() {
        StringBuilder rows = new StringBuilder();
        for (Channel c : channels.values()) {
            rows.append(rows.length() == 0 ? "" : ",").append(String.format("{\"chan_id\":\"%s\",\"remote_pubkey\":\"02%064x\","
                    + "\"alias\":\"%s%d\",\"capacity\":%d,\"local_balance\":%d,\"remote_balance\":%d,\"pending_outbound\":0,"
                    + "\"pending_inbound\":0,\"htlc_count\":0,\"is_active\":true,\"is_open\":true,\"private\":false,"
                    + "\"auto_rebalance\":%b,\"ar_in_target\":%d,\"ar_out_target\":%d,\"local_fee_rate\":500,"
                    + "\"remote_fee_rate\":20,\"ar_max_cost\":65}", c.id(), c.n, c.target ? "T" : "S", c.target ? c.n - 10 : c.n,
                    c.capacity, c.local, c.remote(), c.target, AR_IN_TARGET, AR_OUT_TARGET));
        }
        return "{\"count\":" + channels.size() + ",\"next\":null,\"previous\":null,\"results\":[" + rows + "]}";
    }

    static void send(HttpExchange e, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", "application/json");
        e.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }
}
