package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.regolancer.orchestrator.ops.UntrustedText;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelFees;
import org.regolancer.orchestrator.pairing.ChannelId;

/**
 * Reads one page of LNDg's Django REST answer ({@code count, next, previous, results}), a row at a time. A page that
 * is not such an object fails as a whole; a channel row with missing or impossible values is refused on its own. A
 * peer's alias is taken as {@link UntrustedText#alias plain text}, here, once, for every use.
 */
public final class ChannelPageParser {

    /** The fields of LNDg's channel rows the daemon reads (the others are skipped unread). */
    public static final List<String> FIELDS = List.of("chan_id", "remote_pubkey", "alias", "capacity", "local_balance",
            "remote_balance", "pending_outbound", "pending_inbound", "htlc_count", "is_active", "is_open", "private",
            "auto_rebalance", "ar_in_target", "ar_out_target", "ar_max_cost", "local_fee_rate", "remote_fee_rate");
    private static final Set<String> READ = Set.copyOf(FIELDS);

    /** What a page's rows become. */
    public interface Rows {
        void channel(Channel channel);

        /** A row skipped, and why. */
        void refused(String why);

        /** A row kept with a value outside LNDg's own range, which the daemon takes as unknown. */
        void odd(String what);

        /** Each row as read (the fields above only), before it is taken or refused. */
        default void row(JsonNode row) {
        }
    }

    /** Reads one page from its stream into {@code rows}; returns the query of its {@code next} link. */
    public Optional<String> read(InputStream body, Rows rows) {
        int[] index = {0};
        return DrfPage.read(body, READ, row -> {
            rows.row(row);
            List<String> odd = new ArrayList<>(1);
            try {
                rows.channel(channel(row, odd));
                odd.forEach(what -> rows.odd(describe(row) + ": " + what));
            } catch (IllegalArgumentException e) {
                rows.refused("row " + index[0] + " (" + describe(row) + "): " + e.getMessage());
            }
            index[0]++;
        });
    }

    /** One page already in memory, read whole (the tests'). */
    public ChannelPage parse(String body) {
        List<Channel> channels = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Optional<String> next = read(new java.io.ByteArrayInputStream((body == null ? "" : body)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), new Rows() {
            @Override
            public void channel(Channel channel) {
                channels.add(channel);
            }

            @Override
            public void refused(String why) {
                refused.add(why);
            }

            @Override
            public void odd(String what) {
                refused.add(what);
            }
        });
        return new ChannelPage(channels, refused, next);
    }

    private static Channel channel(JsonNode row, List<String> odd) {
        if (!row.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        JsonNode id = row.get("chan_id");
        if (id == null || !id.isTextual() || !ChannelId.isValid(id.asText())) {
            throw new IllegalArgumentException("chan_id missing or not a string of digits");
        }
        return new Channel(
                new ChannelId(id.asText()),
                UntrustedText.alias(optionalText(row, "alias")),
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
                        arMaxCost(row, odd)),
                Math.max(0, optionalInt(row, "htlc_count")));
    }

    private static String describe(JsonNode row) {
        JsonNode id = row.get("chan_id");
        return id == null || !id.isValueNode() ? "no chan_id" : "chan_id " + UntrustedText.line(id.asText(), 24);
    }

    /**
     * LNDg's share of our fee a refill may cost, 0–100 % in LNDg's forms: a number outside that (2e9 rendered
     * {@code econ_ratio 2.0E7}) is unknown, as a missing one is (the channel is no target under LNDg's fee policy), and
     * said.
     */
    private static int arMaxCost(JsonNode row, List<String> odd) {
        JsonNode node = row.get("ar_max_cost");
        if (node != null && node.isNumber() && !(node.canConvertToInt() && node.isIntegralNumber()
                && node.asInt() >= 0 && node.asInt() <= 100)) {
            odd.add("ar_max_cost " + UntrustedText.line(node.asText(), 24) + " is outside LNDg's 0–100, taken as unknown");
            return ChannelFees.UNKNOWN;
        }
        return optionalInt(row, "ar_max_cost");
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
