// A stand-in LNDg for bench/budget.sh that behaves like a node whose targets differ in what they earn:
// `java -cp target/regolancer-orchestrator.jar bench/BudgetLndg.java PORT` (LNDg's login from the project's jar).
// 2 sources (deep, never drained) and 4 auto-rebalance targets of 20,000,000 sat that start 5 % local. Every refill
// the stand-in regolancer (bench/budget-regolancer) asks for at GET /bench/attempt?from=&to=&amount=&maxppm= succeeds
// at 300 ppm, unless the run's econ_ratio_max_ppm is below that ("fee exceeds"). T1 and T2 forward: every second the
// stand-in moves 1,500 sat of their local balance out as a forward earning their local fee (500 ppm), recorded in
// /api/forwards/ (newest first, id__lt, limit) so the daemon's books read it. T3 and T4 never forward. A payment
// moves its amount into the target's local balance, so a full target stops being a target. GET /bench/stats prints,
// per target, the refills, sats, fees paid (msat), useful sats (only what the target needed to fall below its
// ar_in_target at the time) and fees earned (msat).
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

public class BudgetLndg {

    static final long SOURCE_CAPACITY = 1_000_000_000;
    static final long TARGET_CAPACITY = 20_000_000;
    static final int AR_IN_TARGET = 90;
    static final int AR_OUT_TARGET = 75;
    static final long REFILL_PPM = 300;
    static final long LOCAL_FEE_PPM = 500;
    static final long DRAIN_PER_SECOND = 1_500;

    static final class Channel {
        final int n;
        final boolean target;
        final boolean forwards;
        final long capacity;
        long local;
        long refills, refilledSats, paidMsat, usefulSats, forwardCount, earnedMsat;

        Channel(int n, boolean target, boolean forwards) {
            this.n = n;
            this.target = target;
            this.forwards = forwards;
            this.capacity = target ? TARGET_CAPACITY : SOURCE_CAPACITY;
            this.local = target ? capacity * 5 / 100 : capacity * 90 / 100;
        }

        String id() {
            return Long.toString(800000000000000000L + n);
        }

        long remote() {
            return capacity - local;
        }

        /** Sats until its inbound % falls below ar_in_target. */
        long needed() {
            return Math.max(0, remote() - (capacity * AR_IN_TARGET / 100 - 1));
        }
    }

    static final Map<String, Channel> channels = new LinkedHashMap<>();
    static final List<String> forwards = new ArrayList<>();
    static final List<Long> forwardIds = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        for (int i = 1; i <= 2; i++) {
            channels.put(new Channel(i, false, false).id(), new Channel(i, false, false));
        }
        for (int i = 1; i <= 4; i++) {
            Channel t = new Channel(10 + i, true, i <= 2);
            channels.put(t.id(), t);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
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
        server.createContext("/api/rebalancer/", e -> {
            if (login.authorized(e)) {
                send(e, "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}");
            }
        });
        server.createContext("/api/forwards/", e -> {
            if (login.authorized(e)) {
                send(e, forwardsJson(e.getRequestURI().getRawQuery()));
            }
        });
        server.createContext("/bench/attempt", BudgetLndg::attempt);
        server.createContext("/bench/stats", e -> send(e, stats()));
        Executors.newSingleThreadScheduledExecutor().scheduleAtFixedRate(BudgetLndg::forward, 1, 1, TimeUnit.SECONDS);
        server.start();
    }

    static synchronized void forward() {
        String now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();
        for (Channel c : channels.values()) {
            if (c.forwards && c.local >= DRAIN_PER_SECOND) {
                c.local -= DRAIN_PER_SECOND;
                // sats × ppm / 1,000,000 sat = sats × ppm / 1,000 msat
                long feeMsat = DRAIN_PER_SECOND * LOCAL_FEE_PPM / 1000;
                c.forwardCount++;
                c.earnedMsat += feeMsat;
                long id = forwardIds.size() + 1;
                forwardIds.add(id);
                forwards.add(String.format("{\"id\":%d,\"forward_date\":\"%s\",\"chan_id_in\":\"800000000000000001\","
                        + "\"chan_id_out\":\"%s\",\"amt_in_msat\":%d,\"amt_out_msat\":%d,\"fee\":%s}", id, now, c.id(),
                        DRAIN_PER_SECOND * 1000 + feeMsat, DRAIN_PER_SECOND * 1000, java.math.BigDecimal.valueOf(feeMsat, 3).toPlainString()));
            }
        }
    }

    static synchronized String forwardsJson(String query) {
        Map<String, String> q = query(query);
        long below = q.containsKey("id__lt") ? Long.parseLong(q.get("id__lt")) : Long.MAX_VALUE;
        int limit = Integer.parseInt(q.getOrDefault("limit", "100"));
        StringBuilder rows = new StringBuilder();
        int taken = 0;
        long lowest = 0;
        boolean more = false;
        for (int i = forwards.size() - 1; i >= 0; i--) {
            if (forwardIds.get(i) >= below) {
                continue;
            }
            if (taken == limit) {
                more = true;
                break;
            }
            rows.append(taken == 0 ? "" : ",").append(forwards.get(i));
            lowest = forwardIds.get(i);
            taken++;
        }
        return "{\"count\":" + forwards.size() + ",\"next\":" + (more ? "\"http://127.0.0.1/api/forwards/?id__lt=" + lowest
                + "&limit=" + limit + "\"" : "null") + ",\"previous\":null,\"results\":[" + rows + "]}";
    }

    static synchronized void attempt(HttpExchange e) throws IOException {
        Map<String, String> q = query(e.getRequestURI().getRawQuery());
        Channel source = channels.get(q.get("from"));
        Channel target = channels.get(q.get("to"));
        long amount = Long.parseLong(q.get("amount"));
        long maxPpm = q.get("maxppm").isEmpty() ? Long.MAX_VALUE : Long.parseLong(q.get("maxppm"));
        if (source == null || target == null || source.local < amount || target.remote() < amount) {
            send(e, "no-route\n");
            return;
        }
        if (maxPpm < REFILL_PPM) {
            send(e, "fee-exceeds\n");
            return;
        }
        long useful = Math.min(amount, target.needed());
        source.local -= amount;
        target.local += amount;
        target.refills++;
        target.refilledSats += amount;
        target.paidMsat += amount * REFILL_PPM / 1000;
        target.usefulSats += useful;
        send(e, "paid " + java.math.BigDecimal.valueOf(amount * REFILL_PPM / 1000, 3).toPlainString() + "\n");
    }

    static Map<String, String> query(String query) {
        Map<String, String> q = new HashMap<>();
        if (query != null) {
            for (String part : query.split("&")) {
                String[] kv = part.split("=", 2);
                q.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return q;
    }

    static synchronized String stats() {
        StringBuilder out = new StringBuilder();
        for (Channel c : channels.values()) {
            if (c.target) {
                out.append(String.format("T%d %s refills %d sats %d paid_msat %d useful %d forwards %d earned_msat %d%n",
                        c.n - 10, c.forwards ? "forwards" : "never", c.refills, c.refilledSats, c.paidMsat, c.usefulSats,
                        c.forwardCount, c.earnedMsat));
            }
        }
        return out.toString();
    }

    static synchronized String channelsJson() {
        StringBuilder rows = new StringBuilder();
        for (Channel c : channels.values()) {
            rows.append(rows.length() == 0 ? "" : ",").append(String.format("{\"chan_id\":\"%s\",\"remote_pubkey\":\"02%064x\","
                    + "\"alias\":\"%s%d\",\"capacity\":%d,\"local_balance\":%d,\"remote_balance\":%d,\"pending_outbound\":0,"
                    + "\"pending_inbound\":0,\"htlc_count\":0,\"is_active\":true,\"is_open\":true,\"private\":false,"
                    + "\"auto_rebalance\":%b,\"ar_in_target\":%d,\"ar_out_target\":%d,\"local_fee_rate\":%d,"
                    + "\"remote_fee_rate\":20,\"ar_max_cost\":65}", c.id(), c.n, c.target ? "T" : "S", c.target ? c.n - 10 : c.n,
                    c.capacity, c.local, c.remote(), c.target, AR_IN_TARGET, AR_OUT_TARGET, LOCAL_FEE_PPM));
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
