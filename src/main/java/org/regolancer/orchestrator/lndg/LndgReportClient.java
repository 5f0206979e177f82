package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.regolancer.orchestrator.report.Activity;
import org.regolancer.orchestrator.report.ActivitySource;

/**
 * Reads LNDg's rebalancer jobs and forwards for the report, always in bounded pages: the rebalancer list by an
 * {@code id__lt} cursor (it is ordered newest first by id), forwards in windows of at most 31 days with
 * {@code limit}/{@code offset}. LNDg's datetimes are naive, in LNDg's own zone ({@code LNDG_TIMEZONE}).
 */
public final class LndgReportClient implements ActivitySource {

    static final int PAGE = 500;
    static final int MAX_PAGES = 2000;
    static final Duration WINDOW = Duration.ofDays(31);
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final URI base;
    private final String authorization;
    private final ZoneId lndgZone;
    private final HttpClient http;
    private final Duration readTimeout;
    private final ObjectMapper json = new ObjectMapper();

    public LndgReportClient(URI base, String user, String password, ZoneId lndgZone, Duration connectTimeout,
            Duration readTimeout) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.lndgZone = lndgZone;
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public List<Activity.LndgRebalance> lndgRebalances(Instant from, Instant to) {
        List<Activity.LndgRebalance> jobs = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode body = get("/api/rebalancer/", "status=2&stop__gt=" + naive(from.minusSeconds(1)) + "&limit=" + PAGE + cursor);
            JsonNode results = results(body);
            long lowestId = Long.MAX_VALUE;
            for (JsonNode job : results) {
                lowestId = Math.min(lowestId, job.path("id").asLong(Long.MAX_VALUE));
                Instant stop = instant(job.path("stop"));
                if (job.path("status").asInt(-1) != 2 || stop == null || stop.isBefore(from) || !stop.isBefore(to)) {
                    continue;
                }
                JsonNode fees = job.get("fees_paid");
                jobs.add(new Activity.LndgRebalance(stop, job.path("value").asLong(),
                        fees == null || fees.isNull() ? null : Math.round(fees.asDouble())));
            }
            // LNDg may cap the page below our limit: go on while it says there is more
            if (!hasNext(body) || results.isEmpty() || lowestId == Long.MAX_VALUE) {
                return jobs;
            }
            cursor = "&id__lt=" + lowestId;
        }
        throw new LndgException("LNDg's rebalancer list did not end after " + MAX_PAGES + " pages");
    }

    @Override
    public List<Activity.Forward> forwards(Instant from, Instant to) {
        List<Activity.Forward> forwards = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(WINDOW)) {
            Instant end = start.plus(WINDOW).isBefore(to) ? start.plus(WINDOW) : to;
            String window = "forward_date__gte=" + naive(start) + "&forward_date__lt=" + naive(end) + "&limit=" + PAGE;
            int offset = 0;
            for (int page = 0; ; page++) {
                if (page == MAX_PAGES) {
                    throw new LndgException("LNDg's forwards did not end after " + MAX_PAGES + " pages");
                }
                JsonNode body = get("/api/forwards/", window + "&offset=" + offset);
                JsonNode results = results(body);
                for (JsonNode f : results) {
                    Instant time = instant(f.path("forward_date"));
                    if (time == null) {
                        continue;
                    }
                    forwards.add(new Activity.Forward(time, f.path("amt_out_msat").asLong(),
                            Math.round(f.path("fee").asDouble() * 1000)));
                }
                // the next offset is what LNDg actually sent, whatever page size it used
                offset += results.size();
                if (!hasNext(body) || results.isEmpty()) {
                    break;
                }
            }
        }
        return forwards;
    }

    private static boolean hasNext(JsonNode body) {
        JsonNode next = body.get("next");
        return next != null && next.isTextual();
    }

    private String naive(Instant instant) {
        return NAIVE.format(LocalDateTime.ofInstant(instant, lndgZone));
    }

    private Instant instant(JsonNode naive) {
        if (!naive.isTextual()) {
            return null;
        }
        try {
            return LocalDateTime.parse(naive.asText()).atZone(lndgZone).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonNode results(JsonNode body) {
        JsonNode results = body.get("results");
        if (results == null || !results.isArray()) {
            throw new LndgException("LNDg's answer has no 'results' list");
        }
        return results;
    }

    private JsonNode get(String path, String query) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path + "?" + query)).timeout(readTimeout)
                .header("Authorization", authorization).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LndgException("LNDg " + path + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LndgException("interrupted while reading LNDg " + path);
        }
        if (response.statusCode() != 200) {
            throw new LndgException("LNDg " + path + " answered HTTP " + response.statusCode());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new LndgException("LNDg " + path + " answered with invalid JSON");
        }
    }
}
