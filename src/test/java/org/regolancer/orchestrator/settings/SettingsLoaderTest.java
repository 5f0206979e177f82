package org.regolancer.orchestrator.settings;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    private Map<String, String> defaults() throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("application.properties"), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        Map<String, String> raw = new HashMap<>();
        p.stringPropertyNames().forEach(k -> raw.put(k, p.getProperty(k)));
        raw.put("LNDG_USER", "lndg-admin");
        raw.put("LNDG_PASS", "pw");
        raw.put("DATA_DIR", dir.resolve("data").toString());
        raw.put("REGOLANCER_BIN", Path.of("demo/regolancer").toAbsolutePath().toString());
        raw.put("CONFIG_TEMPLATE", Path.of("config.template.json").toAbsolutePath().toString());
        return raw;
    }

    private Settings load(Map<String, String> raw) {
        return SettingsLoader.load(raw::get, dir, false);
    }

    private String failure(String name, String value) throws IOException {
        Map<String, String> raw = defaults();
        raw.put(name, value);
        return assertThrows(SettingsException.class, () -> load(raw)).getMessage();
    }

    @Test
    void theShippedDefaultsAreTheOriginalOnes() throws IOException {
        Settings s = load(defaults());
        assertEquals(19532, s.amountInitial());
        assertEquals(2, s.maxWorkers());
        assertEquals(300, s.maxCycleSeconds());
        assertEquals(5, s.sleepSeconds());
        assertTrue(s.runForever() && s.randomizePairs() && s.sendRebalanceMsg());
        assertFalse(s.dryRun() || s.telegramConfigured());
        assertEquals("http://localhost:8889", s.lndgBaseUrl().toString());
    }

    @ParameterizedTest
    @CsvSource({"1,true", "TRUE,true", "Yes,true", "on,true", "0,false", "False,false", "NO,false", "off,false"})
    void booleansTakeThePythonSpellingsInAnyCase(String text, boolean expected) throws IOException {
        Map<String, String> raw = defaults();
        raw.put("RANDOMIZE_PAIRS", text);
        assertEquals(expected, load(raw).randomizePairs());
    }

    @Test
    void aBadSettingIsOneLineNamingItAndWhatIsAccepted() throws IOException {
        assertEquals("MAX_WORKERS=0 is invalid; accepted: a whole number from 1 to 64", failure("MAX_WORKERS", "0"));
        assertEquals("SLEEP_SECONDS=five is invalid; accepted: a whole number from 0 to 86400", failure("SLEEP_SECONDS", "five"));
        assertTrue(failure("RUN_FOREVER", "maybe").startsWith("RUN_FOREVER=maybe is not a boolean; accepted: 1/true/yes/on"));
        assertTrue(failure("LNDG_BASE_URL", "localhost:8889").startsWith("LNDG_BASE_URL=localhost:8889 is invalid; accepted: an http"));
        assertTrue(failure("LNDG_BASE_URL", "http://user:pw@lndg:8889").contains("no user"));
        assertTrue(failure("AMOUNT_INCREASE_PERCENT", "-1").startsWith("AMOUNT_INCREASE_PERCENT=-1 is invalid"));
        assertTrue(failure("AMOUNT_MAX_INCREASES", "30").contains("at most 1000000000 sats"));
        assertTrue(failure("EXCLUDE_CHANNELS", "123,notachannel").contains("'notachannel'"));
        assertTrue(failure("TELEGRAM_CHAT_ID", "chat").startsWith("TELEGRAM_CHAT_ID=chat is invalid"));
        for (String message : new String[] {failure("MAX_WORKERS", "x"), failure("LNDG_PASS", "")}) {
            assertFalse(message.contains("\n"));
            assertFalse(message.contains("pw"), "no secret in " + message);
        }
    }

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
        Properties shipped = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("application.properties"), StandardCharsets.UTF_8)) {
            shipped.load(reader);
        }
        Matcher row = README_ROW.matcher(readme);
        int compared = 0;
        while (row.find()) {
            String documented = row.group(3) != null ? "" : row.group(2);
            assertEquals(shipped.getProperty(row.group(1)), documented, row.group(1) + "'s default in the README");
            compared++;
        }
        assertTrue(compared >= 25, compared + " rows compared");
        for (String key : shipped.stringPropertyNames()) {
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

    @Test
    void theFeePolicyAndTheWaitsAreReadAndALongestWaitBelowTheFirstIsOneLineNamingBoth() throws IOException {
        Settings defaults = load(defaults());
        assertEquals(org.regolancer.orchestrator.judgment.FeePolicy.LNDG, defaults.feePolicy());
        assertEquals(30, defaults.retryWaitMinutes());
        assertEquals(360, defaults.retryWaitMaxMinutes());
        assertEquals(4, defaults.maxPendingHtlcs());
        Map<String, String> raw = defaults();
        raw.put("FEE_POLICY", "Template");
        assertEquals(org.regolancer.orchestrator.judgment.FeePolicy.TEMPLATE, load(raw).feePolicy(), "any case");
        assertEquals("FEE_POLICY=econ is invalid; accepted: lndg (LNDg's fee cap per target) or template (the template's "
                + "fee keys for every pair)", failure("FEE_POLICY", "econ"));

        Map<String, String> waits = defaults();
        waits.put("RETRY_WAIT_MINUTES", "60");
        waits.put("RETRY_WAIT_MAX_MINUTES", "45");
        String message = assertThrows(SettingsException.class, () -> load(waits)).getMessage();
        assertEquals("RETRY_WAIT_MAX_MINUTES=45 is below RETRY_WAIT_MINUTES=60; accepted: RETRY_WAIT_MAX_MINUTES at least "
                + "RETRY_WAIT_MINUTES (the longest wait at least the first)", message);
        waits.put("RETRY_WAIT_MAX_MINUTES", "60");
        assertEquals(60, load(waits).retryWaitMaxMinutes(), "equal is fine");
    }

    @Test
    void aTemplateSettingBothFeeLimitPpmAndEconRatioMaxPpmIsRefused() throws IOException {
        Files.writeString(dir.resolve("both.json"), "{\"fee_limit_ppm\": 100, \"econ_ratio_max_ppm\": 500}");
        assertTrue(failure("CONFIG_TEMPLATE", dir.resolve("both.json").toString())
                .contains("'fee_limit_ppm' and 'econ_ratio_max_ppm' cannot be combined"));
    }

    @Test
    void zeroSleepAndZeroIncreasesAreValid() throws IOException {
        Map<String, String> raw = defaults();
        raw.put("SLEEP_SECONDS", "0");
        raw.put("AMOUNT_MAX_INCREASES", "0");
        Settings s = load(raw);
        assertEquals(0, s.sleepSeconds());
        assertEquals("1", s.toProperties().get("cycle.delay-ms"), "the scheduler needs a positive delay");
    }

    @Test
    void theOriginalsNewerNameForPaymentNoticesWinsWhenBothAreSet() throws IOException {
        Map<String, String> raw = defaults();
        assertTrue(load(raw).sendRebalanceMsg(), "neither set in .env or the environment: the default");
        raw.put("SEND_REBALANCE_MSG_REGO_ORCH", "FALSE");
        assertFalse(load(raw).sendRebalanceMsg(), "the newer name alone (SEND_REBALANCE_MSG keeps its default)");
        raw.put("SEND_REBALANCE_MSG", "false");
        raw.put("SEND_REBALANCE_MSG_REGO_ORCH", "TRUE");
        assertTrue(load(raw).sendRebalanceMsg(), "both set: the newer wins");
        raw.put("SEND_REBALANCE_MSG_REGO_ORCH", "");
        assertFalse(load(raw).sendRebalanceMsg(), "the older name alone");
        assertTrue(failure("SEND_REBALANCE_MSG_REGO_ORCH", "maybe").startsWith("SEND_REBALANCE_MSG_REGO_ORCH=maybe is not a boolean"));
    }

    @Test
    void lndgsOwnRebalancesAreAnnouncedOnlyWhenAskedAndTelegramIsThere() throws IOException {
        Map<String, String> raw = defaults();
        assertFalse(load(raw).sendRebalanceMsgLndg(), "off by default: an upgrade adds no messages");
        raw.put("SEND_REBALANCE_MSG_LNDG", "TRUE");
        assertTrue(load(raw).sendRebalanceMsgLndg());
        assertFalse(load(raw).sendLndgNotices(), "without Telegram LNDg is not even asked");
        assertEquals("false", load(raw).toProperties().get("lndg-notices.enabled"));
        raw.put("TELEGRAM_TOKEN", "123456:ABCdefGhIJKlmnoPQRstuVWXyz0123456789");
        raw.put("TELEGRAM_CHAT_ID", "-100123");
        raw.put("SEND_REBALANCE_MSG", "false");
        Settings s = load(raw);
        assertTrue(s.sendLndgNotices());
        assertEquals("true", s.toProperties().get("lndg-notices.enabled"));
        assertEquals("true", s.toProperties().get("notify.telegram"), "LNDg's notices go to Telegram, ours being off");
        assertEquals("false", s.toProperties().get("notify.enabled"), "ours are not offered");
    }

    @Test
    void theLndgLoginMessageSaysWhichUserAndPassword() throws IOException {
        assertEquals("LNDG_USER and LNDG_PASS must both be set: the user name and password you log in to LNDg's web page with",
                failure("LNDG_USER", ""));
    }

    @Test
    void aTemplateThatIsNotJsonIsOneLineWithItsLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("comma.json"), "{\n  \"amount\": 50000,\n  \"stat\": \"x.csv\",\n}\n");
        assertEquals("CONFIG_TEMPLATE=" + dir.resolve("comma.json") + " is not valid JSON: line 4, column 1: unexpected "
                + "character '}', was expecting double-quote to start field name; accepted: a regolancer JSON config",
                failure("CONFIG_TEMPLATE", dir.resolve("comma.json").toString()));
        Files.writeString(dir.resolve("cut.json"), "{\n  \"amount\": 50000\n");
        String cut = failure("CONFIG_TEMPLATE", dir.resolve("cut.json").toString());
        assertTrue(cut.startsWith("CONFIG_TEMPLATE=" + dir.resolve("cut.json") + " is not valid JSON: line 3, column 1: "
                + "unexpected end-of-input"), cut);
        for (String message : new String[] {cut, failure("CONFIG_TEMPLATE", dir.resolve("comma.json").toString())}) {
            assertFalse(message.contains("\n") || message.contains("Source") || message.contains("REDACTED")
                    || message.contains("StreamReadFeature") || message.contains("code 125"), message);
        }
    }

    @Test
    void aDataDirNoFileCanBeCreatedInIsRefusedBeforeTryingAsCheckRefusesIt() throws IOException {
        assertEquals("DATA_DIR=/proc/nope would be on the kernel's proc file system (/proc), where no file can be created; "
                + "accepted: a writable folder", failure("DATA_DIR", "/proc/nope"));
    }

    @Test
    void filesAreCheckedBeforeStart() throws IOException {
        assertTrue(failure("REGOLANCER_BIN", dir.resolve("missing").toString()).contains("is not an executable file"));
        Files.writeString(dir.resolve("bad.json"), "{not json");
        assertEquals("CONFIG_TEMPLATE=" + dir.resolve("bad.json") + " is not valid JSON: line 1, column 2: unexpected character "
                + "'n', was expecting double-quote to start field name; accepted: a regolancer JSON config",
                failure("CONFIG_TEMPLATE", dir.resolve("bad.json").toString()), "one line, no Jackson internals");
        Files.writeString(dir.resolve("from.json"), "{\"from\": 905399447106748416}");
        assertTrue(failure("CONFIG_TEMPLATE", dir.resolve("from.json").toString()).contains("'from' must be a list of strings"));
        assertTrue(failure("CONFIG_TEMPLATE", dir.resolve("no-such.json").toString()).startsWith("CONFIG_TEMPLATE="));
        Files.writeString(dir.resolve("to.json"), "{\"to\": \"893182773332606977\"}");
        assertTrue(failure("CONFIG_TEMPLATE", dir.resolve("to.json").toString()).contains("'to' must be a list of strings"));
        Files.writeString(dir.resolve("list.json"), "[1, 2]");
        assertTrue(failure("CONFIG_TEMPLATE", dir.resolve("list.json").toString()).startsWith("CONFIG_TEMPLATE="));
        Files.writeString(dir.resolve("rel.json"), "{\"rel_amount_from\": 0.1}");
        assertTrue(failure("CONFIG_TEMPLATE", dir.resolve("rel.json").toString()).contains("rel_amount_from"));
        Files.writeString(dir.resolve("min.json"), "{\"min_amount\": 50000}");
        assertTrue(failure("CONFIG_TEMPLATE", dir.resolve("min.json").toString()).contains("above AMOUNT_INITIAL"));
        Files.writeString(dir.resolve("a-file"), "x");
        assertTrue(failure("DATA_DIR", dir.resolve("a-file").resolve("data").toString()).startsWith("DATA_DIR="));
    }

    @Test
    void lndgTlsCertIsAPemFileReadAtStartOrOneLineNamingIt() throws IOException {
        assertTrue(load(defaults()).lndgTls().file().isEmpty(), "empty: the system's trust only");
        assertEquals("LNDG_TLS_CERT=" + dir.resolve("missing.pem") + " cannot be read (no such file: " + dir.resolve("missing.pem")
                + "); accepted: a readable PEM file with one or more certificates (-----BEGIN CERTIFICATE-----), or empty for "
                + "the system's trust only", failure("LNDG_TLS_CERT", dir.resolve("missing.pem").toString()));
        Files.writeString(dir.resolve("key.der"), "not a certificate");
        assertTrue(failure("LNDG_TLS_CERT", dir.resolve("key.der").toString()).startsWith("LNDG_TLS_CERT=" + dir.resolve("key.der")
                + " holds no PEM certificate"));
    }

    @Test
    void dryRunNeedsNoRegolancerBinary() throws IOException {
        Map<String, String> raw = defaults();
        raw.put("REGOLANCER_BIN", dir.resolve("missing").toString());
        raw.put("DRY_RUN", "yes");
        assertTrue(load(raw).dryRun());
    }

    @Test
    void secretsStayOutOfToStringAndCamelProperties() throws IOException {
        Map<String, String> raw = defaults();
        raw.put("LNDG_PASS", "hunter2-lndg");
        raw.put("TELEGRAM_TOKEN", "123456:ABCdefGhIJKlmnoPQRstuVWXyz0123456789");
        raw.put("TELEGRAM_CHAT_ID", "-100123");
        Settings s = load(raw);
        assertFalse(s.toString().contains("hunter2-lndg") || s.toString().contains("ABCdefGh"), s.toString());
        assertFalse(s.toProperties().containsKey("LNDG_PASS") || s.toProperties().containsKey("TELEGRAM_TOKEN"));
        assertTrue(s.sendPaymentMessages());
    }
}
