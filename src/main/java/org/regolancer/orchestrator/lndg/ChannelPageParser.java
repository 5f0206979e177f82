package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelId;

/**
 * Reads one page of LNDg's Django REST answer ({@code count, next, previous, results}). A page that is not
 * such an object fails as a whole; a channel row with missing or impossible values is refused on its own.
 */
public final class ChannelPageParser {

    private final ObjectMapper mapper = new ObjectMapper();

    public ChannelPage parse(String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new LndgException("LNDg answered with invalid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new LndgException("LNDg answered with something other than a JSON object");
        }
        JsonNode results = root.get("results");
        if (results == null || !results.isArray()) {
            throw new LndgException("LNDg's answer has no 'results' list");
        }
        List<Channel> channels = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int index = 0;
        for (JsonNode row : results) {
            try {
                channels.add(channel(row));
            } catch (IllegalArgumentException e) {
                refused.add("row " + index + " (" + describe(row) + "): " + e.getMessage());
            }
            index++;
        }
        return new ChannelPage(channels, refused, nextQuery(root.get("next")));
    }

    private static Optional<String> nextQuery(JsonNode next) {
        if (next == null || next.isNull()) {
            return Optional.empty();
        }
        if (!next.isTextual()) {
            throw new LndgException("LNDg's 'next' is neither a link nor null");
        }
        try {
            String query = new URI(next.asText()).getRawQuery();
            if (query == null || query.isBlank()) {
                throw new LndgException("LNDg's 'next' link has no query");
            }
            return Optional.of(query);
        } catch (URISyntaxException e) {
            throw new LndgException("LNDg's 'next' is not a valid link");
        }
    }

    private static Channel channel(JsonNode row) {
        if (!row.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        JsonNode id = row.get("chan_id");
        if (id == null || !id.isTextual() || !ChannelId.isValid(id.asText())) {
            throw new IllegalArgumentException("chan_id missing or not a string of digits");
        }
        return new Channel(
                new ChannelId(id.asText()),
                optionalText(row, "alias"),
                text(row, "remote_pubkey"),
                positive(row, "capacity"),
                notNegative(row, "local_balance"),
                notNegative(row, "remote_balance"),
                notNegativeOrZero(row, "pending_outbound"),
                notNegativeOrZero(row, "pending_inbound"),
                bool(row, "is_active"),
                bool(row, "is_open"),
                bool(row, "private"),
                bool(row, "auto_rebalance"),
                percent(row, "ar_in_target"),
                percent(row, "ar_out_target"));
    }

    private static String describe(JsonNode row) {
        JsonNode id = row.get("chan_id");
        return id == null || !id.isValueNode() ? "no chan_id" : "chan_id " + abbreviate(id.asText());
    }

    private static String abbreviate(String text) {
        return text.length() > 24 ? text.substring(0, 24) + "…" : text;
    }

    private static String text(JsonNode row, String field) {
        JsonNode node = row.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException(field + " missing");
        }
        return node.asText();
    }

    private static String optionalText(JsonNode row, String field) {
        JsonNode node = row.get(field);
        return node == null || node.isNull() ? "" : node.asText();
    }

    private static long number(JsonNode row, String field) {
        JsonNode node = row.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException(field + " missing or not a whole number");
        }
        return node.asLong();
    }

    private static long positive(JsonNode row, String field) {
        long value = number(row, field);
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }

    private static long notNegative(JsonNode row, String field) {
        long value = number(row, field);
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    /** Pending HTLC sums: null on odd rows means none pending. */
    private static long notNegativeOrZero(JsonNode row, String field) {
        JsonNode node = row.get(field);
        return node == null || node.isNull() ? 0 : notNegative(row, field);
    }

    private static int percent(JsonNode row, String field) {
        long value = number(row, field);
        if (value < 1 || value > 100) {
            throw new IllegalArgumentException(field + " must be 1–100, was " + value);
        }
        return (int) value;
    }

    private static boolean bool(JsonNode row, String field) {
        JsonNode node = row.get(field);
        if (node == null || !node.isBoolean()) {
            throw new IllegalArgumentException(field + " missing or not true/false");
        }
        return node.asBoolean();
    }
}
