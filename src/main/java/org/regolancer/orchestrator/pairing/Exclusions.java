package org.regolancer.orchestrator.pairing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The channels the operator's regolancer template rules out as source or as target. regolancer drops them from its
 * own candidates (and ignores an excluded peer in its route search), so a pair with one of them can only fail with
 * "no channelpairs available" or "no routes": such pairs are not paired at all. An entry is a decimal channel id, a
 * short channel id {@code BLOCKxTXxOUT} (LNDg's {@code short_chan_id}) or a node's 66-hex pubkey (every channel with
 * that peer), as regolancer reads them.
 */
public final class Exclusions {

    public static final Exclusions NONE = new Exclusions(Map.of(), Map.of());

    /** normalised entry (decimal chan id or lower-case pubkey) → the template key that names it */
    private final Map<String, String> sources;
    private final Map<String, String> targets;

    private Exclusions(Map<String, String> sources, Map<String, String> targets) {
        this.sources = Map.copyOf(sources);
        this.targets = Map.copyOf(targets);
    }

    /** These entries under {@code key} rule a channel out as source and as target (regolancer's {@code exclude}). */
    public Exclusions withBoth(String key, Collection<String> entries) {
        return with(key, entries, true, true);
    }

    /** These entries rule a channel out as source only ({@code exclude_from}). */
    public Exclusions withSources(String key, Collection<String> entries) {
        return with(key, entries, true, false);
    }

    /** These entries rule a channel out as target only ({@code exclude_to}). */
    public Exclusions withTargets(String key, Collection<String> entries) {
        return with(key, entries, false, true);
    }

    private Exclusions with(String key, Collection<String> entries, boolean asSource, boolean asTarget) {
        Map<String, String> s = new HashMap<>(sources);
        Map<String, String> t = new HashMap<>(targets);
        for (String entry : entries) {
            String id = normalise(entry);
            if (asSource) {
                s.putIfAbsent(id, key);
            }
            if (asTarget) {
                t.putIfAbsent(id, key);
            }
        }
        return new Exclusions(s, t);
    }

    /** The template key that rules this channel out as a source, or null. */
    public String source(Channel channel) {
        return match(sources, channel);
    }

    /** The template key that rules this channel out as a target, or null. */
    public String target(Channel channel) {
        return match(targets, channel);
    }

    public boolean isEmpty() {
        return sources.isEmpty() && targets.isEmpty();
    }

    private static String match(Map<String, String> entries, Channel channel) {
        String byId = entries.get(channel.id().value());
        return byId != null ? byId : entries.get(channel.peer().toLowerCase(Locale.ROOT));
    }

    /**
     * An entry as regolancer reads it: 66 characters are a pubkey; two {@code x} make a short channel id
     * (block << 40 | tx << 16 | output); anything else a decimal channel id. Entries regolancer would refuse are refused
     * at start-up (the template check), so what is not a number here is kept as it is and matches nothing.
     */
    public static String normalise(String entry) {
        String text = entry.strip();
        if (text.length() == 66) {
            return text.toLowerCase(Locale.ROOT);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        try {
            if (lower.chars().filter(c -> c == 'x').count() == 2) {
                String[] parts = lower.split("x", -1);
                long block = Long.parseLong(parts[0]);
                long tx = Long.parseLong(parts[1]);
                long output = Long.parseLong(parts[2]) & 0xFFFF;
                return Long.toUnsignedString(block << 40 | tx << 16 | output);
            }
            return Long.toString(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
