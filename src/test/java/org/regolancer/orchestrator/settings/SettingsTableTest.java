package org.regolancer.orchestrator.settings;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.ShippedProperties;

/** The README's settings table against application.properties and the loader's ranges. */
class SettingsTableTest extends SettingsTestSupport {

    /** The README's settings table: name, default and accepted range of each row that has one. */
    private static final Pattern README_ROW = Pattern.compile(
            "^\\| `([A-Z_]+)` \\| (?:`([^`]*)`|(empty)[^|]*) \\| (?:(\\d+)–(\\d+))?", Pattern.MULTILINE);

    @Test
    void everyNumericSettingAcceptsExactlyTheRangeTheReadmeGives() throws IOException {
        Matcher row = README_ROW.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        Map<String, long[]> ranges = new TreeMap<>();
        while (row.find()) {
            if (row.group(4) != null) {
                ranges.put(row.group(1), new long[] {Long.parseLong(row.group(4)), Long.parseLong(row.group(5))});
            }
        }
        assertEquals(Set.of("SLEEP_SECONDS", "LNDG_REFRESH_SECONDS", "MAX_WORKERS", "MAX_CYCLE_SECONDS", "AMOUNT_INITIAL", "AMOUNT_INCREASE_PERCENT",
                "AMOUNT_EVERY_ROUNDS", "AMOUNT_MAX_INCREASES", "JMX_PORT", "MANAGEMENT_PORT", "READY_MAX_CYCLE_AGE_SECONDS",
                "READY_MAX_LNDG_FAILURES", "RETRY_WAIT_MINUTES", "RETRY_WAIT_MAX_MINUTES", "MAX_PENDING_HTLCS", "BOOKS_DAYS",
                "REFILL_BUDGET_PERCENT", "REFILL_ALLOWANCE_SAT", "MAX_FEE_PPM"),
                ranges.keySet(), "every numeric setting has its range in the README");

        ranges.forEach((name, range) -> {
            long min = range[0];
            long max = range[1];
            for (long ok : new long[] {min, max}) {
                Map<String, String> raw = apartFromTheRulesTyingItToOthers(name);
                raw.put(name, Long.toString(ok));
                assertDoesNotThrow(() -> load(raw), name + "=" + ok + " is in the README's range");
            }
            for (String bad : new String[] {Long.toString(min - 1), Long.toString(max + 1), "ten", "", " 5 5"}) {
                Map<String, String> raw = apartFromTheRulesTyingItToOthers(name);
                raw.put(name, bad);
                String message = assertThrows(SettingsException.class, () -> load(raw), name + "=" + bad).getMessage();
                if (bad.isEmpty()) {
                    assertEquals(name + " is not set; application.properties holds its default", message);
                } else {
                    assertTrue(message.startsWith(name + "=" + bad.strip() + " is invalid; accepted: ")
                            && message.endsWith("from " + min + " to " + max), message);
                }
                assertFalse(message.contains("\n"), message);
            }
        });
    }

    @Test
    void theReadmeGivesEverySettingAndTheDefaultsApplicationPropertiesHas() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Map<String, String> shipped = ShippedProperties.read();
        Matcher row = README_ROW.matcher(readme);
        int compared = 0;
        while (row.find()) {
            String documented = row.group(3) != null ? "" : row.group(2);
            assertEquals(shipped.get(row.group(1)), documented, row.group(1) + "'s default in the README");
            compared++;
        }
        assertTrue(compared >= 25, compared + " rows compared");
        for (String key : shipped.keySet()) {
            if (key.matches("[A-Z_]+")) {
                assertTrue(readme.contains("| `" + key + "`") || readme.contains(", `" + key + "` |"), key + " is in the README's table");
            }
        }
    }

    /**
     * The defaults, with the rules that tie settings together out of the way of the one tested: a template without
     * min_amount (which must not pass AMOUNT_INITIAL), a flat ladder for AMOUNT_MAX_INCREASES (its top ≤ 10 BTC), the
     * other end of the retry waits out of the way.
     */
    private Map<String, String> apartFromTheRulesTyingItToOthers(String name) {
        try {
            Map<String, String> raw = defaults();
            Path template = Files.writeString(dir.resolve("plain.template.json"), "{\"amount\": 50000}");
            raw.put("CONFIG_TEMPLATE", template.toString());
            if (name.equals("AMOUNT_MAX_INCREASES")) {
                raw.put("AMOUNT_INCREASE_PERCENT", "0");
            }
            // the longest wait must be at least the first
            if (name.equals("RETRY_WAIT_MINUTES")) {
                raw.put("RETRY_WAIT_MAX_MINUTES", "10080");
            } else if (name.equals("RETRY_WAIT_MAX_MINUTES")) {
                raw.put("RETRY_WAIT_MINUTES", "0");
            }
            return raw;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
