package org.regolancer.orchestrator.regolancer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@code config.template.json} must satisfy before we write configs from it, read as regolancer (v1.12.x) reads
 * it ({@link TemplateKeys}: keys in any case, the last one winning). regolancer refuses some configs on every run (a
 * value of the wrong type, numbers in its channel lists, the combinations its preflight refuses) or runs without
 * paying ({@code info}, {@code version}, {@code help}): such a template is refused once, at start-up. What it only
 * ignores or what we change for it (an unknown key, {@code perc}) is a warning.
 */
public final class TemplateCheck {

    private static final Pattern CHANNEL_ID = Pattern.compile("[0-9]{1,19}");
    private static final Pattern SHORT_ID = Pattern.compile("([0-9]{1,7})[xX]([0-9]{1,7})[xX]([0-9]{1,5})");
    private static final Pattern PUBKEY = Pattern.compile("[0-9a-fA-F]{66}");
    /** regolancer's lists of channels or nodes (exclude, exclude_from, exclude_to, from, to) */
    private static final List<String> CHANNELS_OR_NODES = List.of("from", "to", "exclude", "exclude_from", "exclude_to");
    /** its deprecated lists of channels only */
    private static final List<String> CHANNELS_ONLY = List.of("exclude_channels_in", "exclude_channels_out", "exclude_channels");

    private TemplateCheck() {
    }

    /** @return why the template cannot be used, or empty when it can */
    public static Optional<String> problem(JsonNode template, long lowestAmount) {
        if (template == null || !template.isObject()) {
            return Optional.of("must be a JSON object");
        }
        for (String key : List.of("info", "version", "help")) {
            JsonNode value = TemplateKeys.get(template, key);
            if (value != null && value.asBoolean(false)) {
                return Optional.of("'" + key + "' is true: regolancer would " + (key.equals("info")
                        ? "print its channel information and exit without paying, on every run"
                        : key.equals("version") ? "print its version and exit, on every run" : "print its help and exit, on every run")
                        + "; remove it");
            }
        }
        Optional<String> types = types(template);
        if (types.isPresent()) {
            return types;
        }
        Optional<String> ids = ids(template);
        if (ids.isPresent()) {
            return ids;
        }
        for (String key : new String[] {"rel_amount_from", "rel_amount_to"}) {
            if (nonZero(template, key)) {
                return Optional.of("'" + key + "' cannot be combined with the fixed 'amount' the orchestrator sets; remove it");
            }
        }
        if (nonZero(template, "fee_limit_ppm") && nonZero(template, "econ_ratio_max_ppm")) {
            return Optional.of("'fee_limit_ppm' and 'econ_ratio_max_ppm' cannot be combined (regolancer refuses every run); "
                    + "remove one");
        }
        for (String[] pair : new String[][] {{"exclude", "exclude_channels"}, {"exclude", "exclude_nodes"},
                {"exclude_to", "exclude_channels_in"}, {"exclude_from", "exclude_channels_out"}}) {
            if (nonEmpty(template, pair[0]) && nonEmpty(template, pair[1])) {
                return Optional.of("'" + pair[0] + "' and the deprecated '" + pair[1] + "' cannot be combined (regolancer "
                        + "refuses every run); keep '" + pair[0] + "'");
            }
        }
        JsonNode timeout = TemplateKeys.get(template, "timeout_rebalance");
        if (timeout != null && !timeout.isNull() && timeout.asLong() < 0) {
            return Optional.of("'timeout_rebalance' must be a whole number of minutes (0 = regolancer's default 360)");
        }
        JsonNode minAmount = TemplateKeys.get(template, "min_amount");
        if (minAmount != null && !minAmount.isNull()) {
            if (minAmount.asLong() < 0) {
                return Optional.of("'min_amount' must be a whole number of sats");
            }
            if (minAmount.asLong() > lowestAmount) {
                return Optional.of("'min_amount' " + minAmount.asLong() + " is above AMOUNT_INITIAL " + lowestAmount
                        + ": regolancer would refuse every run");
            }
        }
        return Optional.empty();
    }

    /** Every value of a key regolancer knows must decode into its field, or regolancer refuses the whole config. */
    private static Optional<String> types(JsonNode template) {
        for (Map.Entry<String, TemplateKeys.Kind> known : TemplateKeys.known().entrySet()) {
            for (JsonNode value : TemplateKeys.all(template, known.getKey())) {
                if (TemplateKeys.fits(value, known.getValue())) {
                    continue;
                }
                String key = known.getKey();
                boolean channelList = CHANNELS_ONLY.contains(key) || key.equals("exclude_nodes");
                if (channelList && value.isArray() && java.util.stream.StreamSupport.stream(value.spliterator(), false)
                        .anyMatch(JsonNode::isNumber)) {
                    // regolancer's own words: "all prior int channel arrays are now string arrays"
                    return Optional.of("'" + key + "' holds numbers: regolancer reads its channel lists as strings only "
                            + "(\"all prior int channel arrays are now string arrays\") and refuses the config on every run; "
                            + "put each id in quotes");
                }
                return Optional.of("'" + key + "' must be " + known.getValue().words
                        + (known.getValue() == TemplateKeys.Kind.STRINGS ? "" : " (regolancer refuses the config on every run otherwise)"));
            }
        }
        return Optional.empty();
    }

    /** The entries of regolancer's channel and node lists must be what it can parse; anything else ends every run. */
    private static Optional<String> ids(JsonNode template) {
        for (String key : CHANNELS_OR_NODES) {
            for (String entry : entries(template, key)) {
                if (!isChannel(entry) && !PUBKEY.matcher(entry).matches()) {
                    return Optional.of("'" + key + "' has \"" + shorten(entry) + "\"; accepted: channel ids (decimal or "
                            + "BLOCKxTXxOUTPUT) and 66-hex node pubkeys (regolancer ends every run on anything else)");
                }
            }
        }
        for (String key : CHANNELS_ONLY) {
            for (String entry : entries(template, key)) {
                if (!isChannel(entry)) {
                    return Optional.of("'" + key + "' has \"" + shorten(entry) + "\"; accepted: channel ids (decimal or "
                            + "BLOCKxTXxOUTPUT) (regolancer ends every run on anything else)");
                }
            }
        }
        for (String entry : entries(template, "exclude_nodes")) {
            if (!PUBKEY.matcher(entry).matches()) {
                return Optional.of("'exclude_nodes' has \"" + shorten(entry) + "\"; accepted: 66-hex node pubkeys "
                        + "(regolancer ends every run on anything else)");
            }
        }
        return Optional.empty();
    }

    /**
     * What regolancer ignores, or what the orchestrator changes, in this template (a valid one): each a line for
     * {@code check} and, once, for the log at start-up.
     */
    public static List<String> warnings(JsonNode template) {
        List<String> warnings = new ArrayList<>();
        for (String key : TemplateKeys.unknown(template)) {
            String nearest = TemplateKeys.nearest(key);
            warnings.add("'" + shorten(key) + "' is not a key regolancer knows: it ignores it"
                    + (nearest == null ? "" : " (did you mean '" + nearest + "'?)"));
        }
        JsonNode perc = TemplateKeys.get(template, "perc");
        if (perc != null && perc.asLong(0) != 0) {
            warnings.add("'perc' is dropped from every run's config: regolancer would put it in place of the pfrom and pto "
                    + "that follow each channel's LNDg targets");
        }
        JsonNode age = TemplateKeys.get(template, "exclude_channel_age");
        if (age != null && age.asLong(0) > 0) {
            warnings.add("'exclude_channel_age' is not applied by the orchestrator's pairing: a pair with a younger channel "
                    + "is run, regolancer finds no channel pair for it, and the pair rests");
        }
        return warnings;
    }

    /**
     * A channel as regolancer parses it: a decimal id that fits a signed 64-bit number, or a short id whose block and
     * transaction index fit 23 bits (its ParseInt with 24 bits) and whose output fits 16.
     */
    static boolean isChannel(String entry) {
        if (CHANNEL_ID.matcher(entry).matches()) {
            try {
                Long.parseLong(entry);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        java.util.regex.Matcher scid = SHORT_ID.matcher(entry);
        return scid.matches() && Long.parseLong(scid.group(1)) < 1 << 23 && Long.parseLong(scid.group(2)) < 1 << 23
                && Long.parseLong(scid.group(3)) < 1 << 16;
    }

    private static List<String> entries(JsonNode template, String key) {
        List<String> entries = new ArrayList<>();
        for (JsonNode list : TemplateKeys.all(template, key)) {
            list.forEach(item -> {
                if (item.isTextual()) {
                    entries.add(item.asText());
                }
            });
        }
        return entries;
    }

    private static boolean nonZero(JsonNode template, String key) {
        JsonNode value = TemplateKeys.get(template, key);
        return value != null && value.isNumber() && value.doubleValue() != 0;
    }

    private static boolean nonEmpty(JsonNode template, String key) {
        JsonNode value = TemplateKeys.get(template, key);
        return value != null && value.isArray() && !value.isEmpty();
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 70 ? flat.substring(0, 69) + "…" : flat;
    }
}
