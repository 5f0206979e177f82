package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** LNDg's datetimes: naive (no zone), in LNDg's own zone ({@code LNDG_TIMEZONE}), with or without microseconds. */
final class LndgTime {

    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private LndgTime() {
    }

    /** An instant as LNDg's filters take it, to the second. */
    static String naive(Instant instant, ZoneId lndgZone) {
        return NAIVE.format(LocalDateTime.ofInstant(instant, lndgZone));
    }

    /** LNDg's naive datetime as an instant, or null when it is missing or not a datetime. */
    static Instant instant(JsonNode naive, ZoneId lndgZone) {
        if (naive == null || !naive.isTextual()) {
            return null;
        }
        try {
            return LocalDateTime.parse(naive.asText()).atZone(lndgZone).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
