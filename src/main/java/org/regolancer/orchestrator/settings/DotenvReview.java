package org.regolancer.orchestrator.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the operator's {@code .env} file holds beyond the settings read from it: keys this daemon does not know (a typo
 * such as {@code MAX_WORKER}, or another tool's), the Python orchestrator's LightningOS keys (not acted on here), and,
 * when the file is recognisably the Python orchestrator's, the keys it lacks whose defaults differ there (a missing
 * {@code DRY_RUN} meant a dry run there, real payments here). Only the file's own keys count as unknown: the process
 * environment holds everything else on the machine. Secrets' values are never repeated, only keys are named.
 */
public final class DotenvReview {

    /** The Python orchestrator's LightningOS keys: known, accepted, not acted on (its sync_los_to_lndg.sh reads them). */
    public static final List<String> LIGHTNING_OS = List.of("SYNC_LOS_TO_LNDG", "SEND_REBALANCE_MSG_LOS", "LOS_BASE_URL",
            "LOS_VERIFY_TLS", "TELEGRAM_SYNC_TO_LNDG_TOKEN", "TELEGRAM_SYNC_TO_LNDG_CHAT_ID",
            "SEND_SYNC_TO_LNDG_CHANGES_TELEGRAM", "SEND_SYNC_TO_LNDG_ERROR_TELEGRAM");

    /** The keys whose default differs in the Python orchestrator's code, with that default (orchestrator.py v1.14). */
    static final Map<String, String> ORIGINAL_DEFAULTS = orderedMap("DRY_RUN", "true", "MAX_WORKERS", "1", "AMOUNT_INITIAL",
            "10000", "AMOUNT_INCREASE_PERCENT", "50", "AMOUNT_EVERY_ROUNDS", "5", "AMOUNT_MAX_INCREASES", "8");

    /** A key of the file this daemon does not know, and the known key it is close to (null when none is). */
    public record Unknown(String key, String nearest) {
        @Override
        public String toString() {
            return nearest == null ? key : key + " (did you mean " + nearest + "?)";
        }
    }

    /** One thing to tell the operator: what was found, and what to do about it ("" when nothing). */
    public record Finding(String text, String todo) {
        /** The start-up line: both in one. */
        public String line() {
            return todo.isEmpty() ? text : text + "; " + todo;
        }
    }

    private final Map<String, String> file;
    private final Function<String, String> environment;
    private final Set<String> known;

    /**
     * @param file        the .env file's keys and values (empty when there is no file)
     * @param environment the process environment
     * @param settings    the keys this daemon reads (application.properties' settings)
     */
    public DotenvReview(Map<String, String> file, Function<String, String> environment, Set<String> settings) {
        this.file = new LinkedHashMap<>(file);
        this.environment = environment;
        this.known = new TreeSet<>(settings);
        known.addAll(LIGHTNING_OS);
    }

    /** The file's keys this daemon does not know, in the file's order (as the given map has it). */
    public List<Unknown> unknown() {
        List<Unknown> unknown = new ArrayList<>();
        for (String key : file.keySet()) {
            if (!known.contains(key)) {
                unknown.add(new Unknown(key, nearest(key)));
            }
        }
        return unknown;
    }

    /**
     * What the file holds beyond the settings, in the order start-up says it: its unknown keys (not an error: a .env
     * shared with other tools is normal), the LightningOS keys in use, the keys that took this daemon's defaults.
     *
     * @param ours the settings' values as read (for the defaults that applied)
     */
    public List<Finding> findings(String fileName, Function<String, String> ours) {
        List<Finding> findings = new ArrayList<>();
        List<Unknown> unknown = unknown();
        if (!unknown.isEmpty()) {
            findings.add(new Finding(fileName + " has " + (unknown.size() == 1 ? "a key" : unknown.size() + " keys")
                    + " this daemon does not know, ignored: " + String.join(", ", unknown.stream().map(Unknown::toString).toList()),
                    "correct a misspelt key (README: Settings); another tool's key may stay"));
        }
        List<String> used = lightningOsInUse();
        if (!used.isEmpty()) {
            boolean notices = used.contains("SEND_REBALANCE_MSG_LOS");
            boolean sync = used.size() > (notices ? 1 : 0);
            findings.add(new Finding("LightningOS keys set, not acted on by this daemon: " + String.join(", ", used)
                    + (notices ? " (LightningOS's own rebalances are not announced)" : ""),
                    sync ? "for the LightningOS → LNDg sync, run the Python orchestrator's sync_los_to_lndg.sh from cron or a "
                            + "systemd timer (it reads the same .env)" : ""));
        }
        List<String> keys = fellBack();
        if (!keys.isEmpty()) {
            List<String> each = keys.stream().map(k -> k + "=" + ours.apply(k) + " (there " + ORIGINAL_DEFAULTS.get(k) + ")")
                    .toList();
            findings.add(new Finding(fileName + " is the Python orchestrator's .env and lacks " + String.join(", ", keys)
                    + ": this daemon's defaults apply, not the original's: " + String.join(", ", each),
                    "set them in it to choose"));
        }
        return findings;
    }

    /** The file is the Python orchestrator's: it has its newer notice key or any of its LightningOS keys. */
    public boolean original() {
        return file.containsKey("SEND_REBALANCE_MSG_REGO_ORCH") || LIGHTNING_OS.stream().anyMatch(file::containsKey);
    }

    /**
     * The LightningOS keys set (in the file or the environment) to something that would matter to the Python
     * orchestrator or its sync script: a sync switched on, LightningOS notices with LightningOS's address, a sync bot.
     */
    public List<String> lightningOsInUse() {
        List<String> used = new ArrayList<>();
        for (String key : LIGHTNING_OS) {
            String value = value(key);
            boolean matters = switch (key) {
                case "SYNC_LOS_TO_LNDG", "SEND_SYNC_TO_LNDG_CHANGES_TELEGRAM", "SEND_SYNC_TO_LNDG_ERROR_TELEGRAM" -> on(value);
                case "SEND_REBALANCE_MSG_LOS" -> on(value) && !value("LOS_BASE_URL").isBlank();
                case "TELEGRAM_SYNC_TO_LNDG_TOKEN", "TELEGRAM_SYNC_TO_LNDG_CHAT_ID" -> !value.isBlank();
                default -> false;
            };
            if (matters) {
                used.add(key);
            }
        }
        return used;
    }

    /** Of the keys whose default differs in the Python orchestrator, those neither the file nor the environment sets. */
    public List<String> fellBack() {
        if (!original()) {
            return List.of();
        }
        return ORIGINAL_DEFAULTS.keySet().stream().filter(k -> !file.containsKey(k) && environment.apply(k) == null).toList();
    }

    /**
     * Refuses the Python orchestrator's .env without DRY_RUN: there a missing DRY_RUN meant a dry run, here real
     * payments, and a daemon that moves money must not guess.
     */
    public void requireDryRun(String fileName) {
        if (fellBack().contains("DRY_RUN")) {
            throw new SettingsException("DRY_RUN is not set in " + fileName + ", the Python orchestrator's .env, where a "
                    + "missing DRY_RUN meant a dry run (here: real payments); accepted: DRY_RUN=true or DRY_RUN=false in it");
        }
    }

    /** The known key closest to {@code key} (case aside) when it is close: a typo's likely meaning, else null. */
    String nearest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(key.toUpperCase(Locale.ROOT), candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int longer = best == null ? 0 : Math.max(key.length(), best.length());
        return best != null && bestDistance <= Math.max(2, longer / 3) ? best : null;
    }

    /** Levenshtein's edit distance: insertions, deletions and substitutions, one each. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The file's value, else the environment's, else "". */
    private String value(String key) {
        String value = file.get(key);
        if (value == null) {
            value = environment.apply(key);
        }
        return value == null ? "" : value.strip();
    }

    /** A boolean as the Python orchestrator's env_bool read it: 1, true, yes, on in any case. */
    private static boolean on(String value) {
        return Set.of("1", "true", "yes", "on").contains(value.toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
