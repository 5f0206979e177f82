package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelFees;
import org.regolancer.orchestrator.pairing.ChannelId;

/**
 * Reads one page of LNDg's Django REST answer ({@code count, next, previous, results}). A page that is not
 * such an object fails as a whole; a channel row with missing or impossible values is refused on its own.
 */
public final class ChannelPageParser {

    public ChannelPage parse(String body) {
        JsonNode root = DrfPage.root(body);
        JsonNode results = DrfPage.results(root);
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
        return new ChannelPage(channels, refused, DrfPage.nextQuery(root));
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
                percent(row, "ar_out_target"),
                new ChannelFees(optionalInt(row, "local_fee_rate"), optionalInt(row, "remote_fee_rate"),
                        optionalInt(row, "ar_max_cost")),
                Math.max(0, optionalInt(row, "htlc_count")));
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

    /**
     * A field the fee rule or the HTLC guard reads: missing, null, negative or not a whole number is
     * {@link ChannelFees#UNKNOWN}; the channel is still usable, the rule decides what unknown means.
     */
    private static int optionalInt(JsonNode row, String field) {
        JsonNode node = row.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0) {
            return ChannelFees.UNKNOWN;
        }
        return node.asInt();
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
