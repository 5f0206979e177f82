package org.regolancer.orchestrator.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The demo node's last 60 days as LNDg would list them: its own rebalancer's jobs ({@code /api/rebalancer/}) and
 * forwards ({@code /api/forwards/}), newest first by id, filtered and paged as LNDg does (the filters the report
 * uses), so {@code report --profile demo} shows figures from the first moment. Fixed per day (seeded by the date).
 */
final class DemoHistory {

    static final int DAYS = 60;
    private static final String[] OUT_CHANNELS = {"893182773332606977", "951752012840042497", "958130524710469633"};
    private static final String[] OUT_ALIASES = {"SinkNode", "CoffeeShop", "MobileWallet"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Map<String, Object>> rebalances = new ArrayList<>();
    private final List<Map<String, Object>> forwards = new ArrayList<>();

    DemoHistory(LocalDateTime nowUtc) {
        long rebalanceId = 0;
        long forwardId = 0;
        LocalDate first = nowUtc.toLocalDate().minusDays(DAYS - 1);
        for (LocalDate day = first; !day.isAfter(nowUtc.toLocalDate()); day = day.plusDays(1)) {
            SplittableRandom random = new SplittableRandom(day.toEpochDay());
            List<LocalDateTime> times = new ArrayList<>();
            int jobs = 2 + random.nextInt(5);
            for (int i = 0; i < jobs; i++) {
                times.add(day.atStartOfDay().plusSeconds(random.nextInt(86_400)));
            }
            times.sort(null);
            for (LocalDateTime stop : times) {
                if (stop.isAfter(nowUtc)) {
                    continue;
                }
                long value = 50_000 + random.nextInt(450_000);
                Map<String, Object> job = new LinkedHashMap<>();
                job.put("id", ++rebalanceId);
                job.put("requested", naive(stop.minusMinutes(3)));
                job.put("start", naive(stop.minusMinutes(2)));
                job.put("stop", naive(stop));
                job.put("value", value);
                job.put("fee_limit", value * 500 / 1_000_000);
                // LNDg stores fee_msat / 1000: sats with up to 3 decimals
                job.put("fees_paid", (value * (50 + random.nextInt(400)) / 1_000) / 1000.0);
                job.put("status", 2);
                job.put("target_alias", "SinkNode");
                // LNDg names the target's peer, not the channel: SinkNode's
                job.put("last_hop_pubkey", "03d6af3cbc6581b33110cbe7aa56c56f4488a07ccb8dd3d87a0eace539017be31e");
                job.put("outgoing_chan_ids", "[905399447106748416]");
                job.put("manual", false);
                rebalances.add(job);
            }
            times.clear();
            int count = 15 + random.nextInt(35);
            for (int i = 0; i < count; i++) {
                times.add(day.atStartOfDay().plusSeconds(random.nextInt(86_400)).plusNanos(random.nextInt(1_000_000) * 1000L));
            }
            times.sort(null);
            for (LocalDateTime at : times) {
                if (at.isAfter(nowUtc)) {
                    continue;
                }
                long out = (5_000 + random.nextInt(400_000)) * 1000L;
                Map<String, Object> forward = new LinkedHashMap<>();
                forward.put("id", ++forwardId);
                forward.put("forward_date", naive(at));
                forward.put("chan_id_in", "905399447106748416");
                // out of the demo node's targets in turn (SinkNode, CoffeeShop, MobileWallet): they earn, so their
                // refill budgets hold however often the demo runs
                int out3 = (int) (forwardId % 3);
                forward.put("chan_id_out", OUT_CHANNELS[out3]);
                forward.put("chan_in_alias", "SourceHubA");
                forward.put("chan_out_alias", OUT_ALIASES[out3]);
                long feeMsat = 1_000 + out * (100 + random.nextInt(600)) / 1_000_000;
                forward.put("amt_in_msat", out + feeMsat);
                forward.put("amt_out_msat", out);
                forward.put("fee", feeMsat / 1000.0);
                forwards.add(forward);
            }
        }
    }

    static DemoHistory now() {
        return new DemoHistory(LocalDateTime.now(ZoneOffset.UTC));
    }

    /** {@code /api/rebalancer/}: status, stop__gt, id__lt, limit. */
    byte[] rebalancer(Map<String, String> query) throws java.io.IOException {
        Predicate<Map<String, Object>> filter = job -> matches(query, "status", v -> String.valueOf(job.get("status")).equals(v))
                && matches(query, "stop__gt", v -> ((String) job.get("stop")).compareTo(v) > 0)
                && matches(query, "id__lt", v -> (long) job.get("id") < Long.parseLong(v));
        return page(rebalances, filter, query, "/api/rebalancer/");
    }

    /** {@code /api/forwards/}: forward_date__gte, forward_date__lt, id__lt, limit. */
    byte[] forwards(Map<String, String> query) throws java.io.IOException {
        Predicate<Map<String, Object>> filter = f -> matches(query, "forward_date__gte", v -> ((String) f.get("forward_date")).compareTo(v) >= 0)
                && matches(query, "forward_date__lt", v -> ((String) f.get("forward_date")).compareTo(v) < 0)
                && matches(query, "id__lt", v -> (long) f.get("id") < Long.parseLong(v));
        return page(forwards, filter, query, "/api/forwards/");
    }

    private static boolean matches(Map<String, String> query, String name, Predicate<String> test) {
        String value = query.get(name);
        return value == null || test.test(value);
    }

    private static byte[] page(List<Map<String, Object>> all, Predicate<Map<String, Object>> filter, Map<String, String> query,
            String path) throws java.io.IOException {
        List<Map<String, Object>> matching = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (filter.test(all.get(i))) {
                matching.add(all.get(i));
            }
        }
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        List<Map<String, Object>> results = matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", matching.size());
        body.put("next", offset + limit < matching.size() ? "http://127.0.0.1" + path + "?limit=" + limit + "&offset=" + (offset + limit) : null);
        body.put("previous", null);
        body.put("results", results);
        return JSON.writeValueAsBytes(body);
    }

    private static String naive(LocalDateTime time) {
        return time.toString().length() == 16 ? time + ":00" : time.toString();
    }
}
