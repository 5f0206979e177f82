package org.regolancer.orchestrator.regolancer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * regolancer's config keys as regolancer itself reads them (v1.12.x, {@code configParams} in its main.go, decoded by Go's
 * {@code encoding/json}): a key matches its field in any case ({@code "Perc"} and {@code "PERC"} set {@code perc}),
 * and when several keys match one field the last in the document wins. Fields without a JSON tag are matched by their
 * Go name: {@code Config}, {@code Version}, {@code Info} and {@code Help} are keys too. Any other key is ignored
 * silently; a value of the wrong type makes regolancer refuse the whole config, on every run.
 */
public final class TemplateKeys {

    /** The Go type of a key's field. */
    public enum Kind {
        STRING("a string"), INT("a whole number"), UINT("a whole number ≥ 0"), FLOAT("a number"), BOOL("true or false"),
        STRINGS("a list of strings");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    private static final Map<String, Kind> KNOWN = new LinkedHashMap<>();

    static {
        for (String key : List.of("config", "connect", "tlscert", "macaroon_dir", "macaroon_filename", "network",
                "node_cache_filename", "stat")) {
            KNOWN.put(key, Kind.STRING);
        }
        for (String key : List.of("pfrom", "pto", "perc", "amount", "probe_steps", "min_amount", "fail_tolerance",
                "econ_ratio_max_ppm", "fee_limit_ppm", "node_cache_lifetime", "timeout_rebalance", "timeout_attempt",
                "timeout_info", "timeout_route")) {
            KNOWN.put(key, Kind.INT);
        }
        KNOWN.put("exclude_channel_age", Kind.UINT);
        for (String key : List.of("rel_amount_to", "rel_amount_from", "econ_ratio")) {
            KNOWN.put(key, Kind.FLOAT);
        }
        for (String key : List.of("allow_rapid_rebalance", "allow_unbalance_from", "allow_unbalance_to", "lost_profit",
                "node_cache_info", "version", "info", "help")) {
            KNOWN.put(key, Kind.BOOL);
        }
        for (String key : List.of("exclude_channels_in", "exclude_channels_out", "exclude_from", "exclude_to",
                "exclude_channels", "exclude_nodes", "exclude", "to", "from")) {
            KNOWN.put(key, Kind.STRINGS);
        }
    }

    private TemplateKeys() {
    }

    /** Every key regolancer reads, with its field's type. */
    public static Map<String, Kind> known() {
        return java.util.Collections.unmodifiableMap(KNOWN);
    }

    /** The value regolancer takes for {@code key}: that of the last key matching it in any case; null when none does. */
    public static JsonNode get(JsonNode config, String key) {
        JsonNode found = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase(key)) {
                found = field.getValue();
            }
        }
        return found;
    }

    /** Whether regolancer gets a value for {@code key} other than null. */
    public static boolean has(JsonNode config, String key) {
        JsonNode value = get(config, key);
        return value != null && !value.isNull();
    }

    /** The text regolancer takes for {@code key}, or {@code fallback} when it gets none. */
    public static String text(JsonNode config, String key, String fallback) {
        JsonNode value = get(config, key);
        return value != null && value.isTextual() ? value.asText() : fallback;
    }

    /** Every value given for {@code key}, in any case, in document order (regolancer decodes each of them). */
    static List<JsonNode> all(JsonNode config, String key) {
        List<JsonNode> values = new ArrayList<>();
        config.fields().forEachRemaining(f -> {
            if (f.getKey().equalsIgnoreCase(key)) {
                values.add(f.getValue());
            }
        });
        return values;
    }

    /** Removes {@code key} in every case it is written in. */
    public static void remove(ObjectNode config, String key) {
        List<String> names = new ArrayList<>();
        config.fieldNames().forEachRemaining(name -> {
            if (name.equalsIgnoreCase(key)) {
                names.add(name);
            }
        });
        config.remove(names);
    }

    /**
     * The channels and peers the template's own lists rule out, as regolancer applies them: {@code exclude} (and the
     * deprecated {@code exclude_channels}, {@code exclude_nodes}) as source and target, {@code exclude_from} (and
     * {@code exclude_channels_out}) as source, {@code exclude_to} (and {@code exclude_channels_in}) as target. A peer
     * in {@code exclude} is one regolancer's route search ignores: no route through a channel with it exists.
     */
    public static org.regolancer.orchestrator.pairing.Exclusions exclusions(JsonNode template) {
        org.regolancer.orchestrator.pairing.Exclusions exclusions = org.regolancer.orchestrator.pairing.Exclusions.NONE;
        for (String key : List.of("exclude", "exclude_channels", "exclude_nodes")) {
            exclusions = exclusions.withBoth(key, strings(template, key));
        }
        for (String key : List.of("exclude_from", "exclude_channels_out")) {
            exclusions = exclusions.withSources(key, strings(template, key));
        }
        for (String key : List.of("exclude_to", "exclude_channels_in")) {
            exclusions = exclusions.withTargets(key, strings(template, key));
        }
        return exclusions;
    }

    /**
     * The smallest amount a run may have: the template's {@code min_amount}, or regolancer's own floor (10,000 sat, the
     * floor of its rapid rebalancing) when it sets none.
     */
    public static long minAmountSat(JsonNode template) {
        JsonNode value = get(template, "min_amount");
        long set = value == null ? 0 : value.asLong(0);
        return set > 0 ? set : org.regolancer.orchestrator.pairing.PairPlanner.DEFAULT_MIN_AMOUNT;
    }

    /** The strings regolancer takes for a list key (the last one given, in any case). */
    static List<String> strings(JsonNode config, String key) {
        List<String> strings = new ArrayList<>();
        JsonNode value = get(config, key);
        if (value != null && value.isArray()) {
            value.forEach(item -> {
                if (item.isTextual()) {
                    strings.add(item.asText());
                }
            });
        }
        return strings;
    }

    /** The keys of the config regolancer does not know (it ignores them), in document order. */
    public static List<String> unknown(JsonNode config) {
        List<String> unknown = new ArrayList<>();
        config.fieldNames().forEachRemaining(name -> {
            if (kindOf(name) == null) {
                unknown.add(name);
            }
        });
        return unknown;
    }

    /** The type of the field a key sets, in any case; null for a key regolancer does not know. */
    public static Kind kindOf(String key) {
        for (Map.Entry<String, Kind> known : KNOWN.entrySet()) {
            if (known.getKey().equalsIgnoreCase(key)) {
                return known.getValue();
            }
        }
        return null;
    }

    /** The known key an unknown one was probably meant to be (at most two edits away, '-' read as '_'), or null. */
    public static String nearest(String unknownKey) {
        String typed = unknownKey.toLowerCase(Locale.ROOT).replace('-', '_');
        String best = null;
        int bestDistance = 3;
        for (String known : KNOWN.keySet()) {
            int distance = distance(typed, known);
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Whether {@code value} decodes into a field of this kind (null always does: Go leaves the field as it is). */
    static boolean fits(JsonNode value, Kind kind) {
        if (value == null || value.isNull()) {
            return true;
        }
        return switch (kind) {
            case STRING -> value.isTextual();
            case INT -> value.isIntegralNumber() && value.canConvertToLong();
            case UINT -> value.isIntegralNumber() && value.bigIntegerValue().signum() >= 0
                    && value.bigIntegerValue().bitLength() <= 64;
            case FLOAT -> value.isNumber() && Double.isFinite(value.doubleValue());
            case BOOL -> value.isBoolean();
            case STRINGS -> value.isArray() && allTextOrNull(value);
        };
    }

    private static boolean allTextOrNull(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual() && !item.isNull()) {
                return false;
            }
        }
        return true;
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
