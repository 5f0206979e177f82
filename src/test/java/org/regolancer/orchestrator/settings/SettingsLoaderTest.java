package org.regolancer.orchestrator.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settings' values, their one-line refusals, and what toString and the Camel properties leave out. */
class SettingsLoaderTest extends SettingsTestSupport {

    @Test
    void theShippedDefaultsAreTheOriginalOnes() throws IOException {
        Settings s = load(defaults());
        assertEquals(19532, s.amounts().initial());
        assertEquals(2, s.run().maxWorkers());
        assertEquals(300, s.run().maxCycleSeconds());
        assertEquals(5, s.run().sleepSeconds());
        assertTrue(s.run().runForever() && s.judgment().randomizePairs() && s.telegram().sendRebalanceMsg());
        assertFalse(s.run().dryRun() || s.telegram().configured());
        assertEquals("http://localhost:8889", s.lndg().baseUrl().toString());
    }

    @ParameterizedTest
    @CsvSource({"1,true", "TRUE,true", "Yes,true", "on,true", "0,false", "False,false", "NO,false", "off,false"})
    void booleansTakeThePythonSpellingsInAnyCase(String text, boolean expected) throws IOException {
        Map<String, String> raw = defaults();
        raw.put("RANDOMIZE_PAIRS", text);
        assertEquals(expected, load(raw).judgment().randomizePairs());
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

    @Test
    void theFeePolicyAndTheWaitsAreReadAndALongestWaitBelowTheFirstIsOneLineNamingBoth() throws IOException {
        Settings defaults = load(defaults());
        assertEquals(org.regolancer.orchestrator.judgment.FeePolicy.LNDG, defaults.judgment().feePolicy());
        assertEquals(30, defaults.judgment().retryWaitMinutes());
        assertEquals(360, defaults.judgment().retryWaitMaxMinutes());
        assertEquals(4, defaults.judgment().maxPendingHtlcs());
        Map<String, String> raw = defaults();
        raw.put("FEE_POLICY", "Template");
        assertEquals(org.regolancer.orchestrator.judgment.FeePolicy.TEMPLATE, load(raw).judgment().feePolicy(), "any case");
        assertEquals("FEE_POLICY=econ is invalid; accepted: lndg (LNDg's fee cap per target) or template (the template's "
                + "fee keys for every pair)", failure("FEE_POLICY", "econ"));

        Map<String, String> waits = defaults();
        waits.put("RETRY_WAIT_MINUTES", "60");
        waits.put("RETRY_WAIT_MAX_MINUTES", "45");
        String message = assertThrows(SettingsException.class, () -> load(waits)).getMessage();
        assertEquals("RETRY_WAIT_MAX_MINUTES=45 is below RETRY_WAIT_MINUTES=60; accepted: RETRY_WAIT_MAX_MINUTES at least "
                + "RETRY_WAIT_MINUTES (the longest wait at least the first)", message);
        waits.put("RETRY_WAIT_MAX_MINUTES", "60");
        assertEquals(60, load(waits).judgment().retryWaitMaxMinutes(), "equal is fine");
    }

    @Test
    void zeroSleepAndZeroIncreasesAreValid() throws IOException {
        Map<String, String> raw = defaults();
        raw.put("SLEEP_SECONDS", "0");
        raw.put("AMOUNT_MAX_INCREASES", "0");
        Settings s = load(raw);
        assertEquals(0, s.run().sleepSeconds());
        assertEquals("1", s.toProperties().get("cycle.delay-ms"), "the scheduler needs a positive delay");
    }

    @Test
    void theOriginalsNewerNameForPaymentNoticesWinsWhenBothAreSet() throws IOException {
        Map<String, String> raw = defaults();
        assertTrue(load(raw).telegram().sendRebalanceMsg(), "neither set in .env or the environment: the default");
        raw.put("SEND_REBALANCE_MSG_REGO_ORCH", "FALSE");
        assertFalse(load(raw).telegram().sendRebalanceMsg(), "the newer name alone (SEND_REBALANCE_MSG keeps its default)");
        raw.put("SEND_REBALANCE_MSG", "false");
        raw.put("SEND_REBALANCE_MSG_REGO_ORCH", "TRUE");
        assertTrue(load(raw).telegram().sendRebalanceMsg(), "both set: the newer wins");
        raw.put("SEND_REBALANCE_MSG_REGO_ORCH", "");
        assertFalse(load(raw).telegram().sendRebalanceMsg(), "the older name alone");
        assertTrue(failure("SEND_REBALANCE_MSG_REGO_ORCH", "maybe").startsWith("SEND_REBALANCE_MSG_REGO_ORCH=maybe is not a boolean"));
    }

    @Test
    void lndgsOwnRebalancesAreAnnouncedOnlyWhenAskedAndTelegramIsThere() throws IOException {
        Map<String, String> raw = defaults();
        assertFalse(load(raw).telegram().sendRebalanceMsgLndg(), "off by default: an upgrade adds no messages");
        raw.put("SEND_REBALANCE_MSG_LNDG", "TRUE");
        assertTrue(load(raw).telegram().sendRebalanceMsgLndg());
        assertFalse(load(raw).telegram().sendLndgNotices(), "without Telegram LNDg is not even asked");
        assertEquals("false", load(raw).toProperties().get("lndg-notices.enabled"));
        raw.put("TELEGRAM_TOKEN", "123456:ABCdefGhIJKlmnoPQRstuVWXyz0123456789");
        raw.put("TELEGRAM_CHAT_ID", "-100123");
        raw.put("SEND_REBALANCE_MSG", "false");
        Settings s = load(raw);
        assertTrue(s.telegram().sendLndgNotices());
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
    void secretsStayOutOfToStringAndCamelProperties() throws IOException {
        Map<String, String> raw = defaults();
        raw.put("LNDG_PASS", "hunter2-lndg");
        raw.put("TELEGRAM_TOKEN", "123456:ABCdefGhIJKlmnoPQRstuVWXyz0123456789");
        raw.put("TELEGRAM_CHAT_ID", "-100123");
        Settings s = load(raw);
        assertFalse(s.toString().contains("hunter2-lndg") || s.toString().contains("ABCdefGh"), s.toString());
        assertFalse(s.toProperties().containsKey("LNDG_PASS") || s.toProperties().containsKey("TELEGRAM_TOKEN"));
        assertTrue(s.telegram().sendPaymentMessages());
        // the groups that hold them print no secret either (a record's own toString would)
        for (Object group : new Object[] {s.lndg(), s.telegram()}) {
            assertFalse(group.toString().contains("hunter2-lndg") || group.toString().contains("ABCdefGh"), group.toString());
            assertTrue(group.toString().contains("***"), group.toString());
        }
    }

    /**
     * Each setting reaches its own place in the groups: every number different, read back through toProperties (which
     * names each key from its accessor), so two values of one type swapped between the loader and a group show.
     */
    @Test
    void everySettingArrivesWhereItsNameSays() throws IOException {
        Map<String, String> given = new java.util.TreeMap<>(Map.ofEntries(Map.entry("SLEEP_SECONDS", "7"),
                Map.entry("LNDG_REFRESH_SECONDS", "11"), Map.entry("BOOKS_DAYS", "13"), Map.entry("REFILL_BUDGET_PERCENT", "17"),
                Map.entry("REFILL_ALLOWANCE_SAT", "19"), Map.entry("MAX_FEE_PPM", "23"), Map.entry("MAX_WORKERS", "3"),
                Map.entry("MAX_CYCLE_SECONDS", "29"), Map.entry("AMOUNT_INITIAL", "31"), Map.entry("AMOUNT_INCREASE_PERCENT", "37"),
                Map.entry("AMOUNT_EVERY_ROUNDS", "41"), Map.entry("AMOUNT_MAX_INCREASES", "4"), Map.entry("JMX_PORT", "43"),
                Map.entry("MANAGEMENT_PORT", "47"), Map.entry("READY_MAX_CYCLE_AGE_SECONDS", "53"),
                Map.entry("READY_MAX_LNDG_FAILURES", "59"), Map.entry("RETRY_WAIT_MINUTES", "61"),
                Map.entry("RETRY_WAIT_MAX_MINUTES", "67"), Map.entry("MAX_PENDING_HTLCS", "5"), Map.entry("FEE_POLICY", "template"),
                Map.entry("REPORT_TIMEZONE", "Europe/Berlin"), Map.entry("LNDG_TIMEZONE", "Asia/Tokyo"),
                Map.entry("REPORT_CRON", "0 15 6 * * ?"), Map.entry("TELEGRAM_CHAT_ID", "-100123"),
                Map.entry("TELEGRAM_API_URL", "http://telegram.example:8081"), Map.entry("LNDG_BASE_URL", "https://lndg.example:8889"),
                Map.entry("TELEGRAM_COMMAND_USERS", "71"), Map.entry("EXCLUDE_CHANNELS", "905399447106748416"),
                Map.entry("JMX_PASSWORD_FILE", dir.resolve("jmx.password").toString()),
                Map.entry("CONFIG_TEMPLATE", Files.writeString(dir.resolve("plain.json"), "{}").toString())));
        Map<String, String> raw = defaults();
        raw.putAll(given);
        raw.put("TELEGRAM_TOKEN", "123456:ABCdefGhIJKlmnoPQRstuVWXyz0123456789");
        Map<String, String> read = load(raw).toProperties();
        given.forEach((key, value) -> assertEquals(value, read.get(key), key));
        assertEquals(raw.get("DATA_DIR"), read.get("DATA_DIR"));
        assertEquals(raw.get("REGOLANCER_BIN"), read.get("REGOLANCER_BIN"));

        // the booleans: each one turned over alone turns over its own key and no other setting's
        for (String flag : new String[] {"DRY_RUN", "SEND_REBALANCE_MSG", "SEND_REBALANCE_MSG_LNDG", "ENABLE_DAILY_REPORT",
                "REGOLANCER_LIVE_LOGS", "LOG_TEMPLATE_CONFIG", "RUN_FOREVER", "RANDOMIZE_PAIRS", "LOG_OPERATIONAL",
                "ENABLE_FILE_LOGS", "TELEGRAM_COMMANDS"}) {
            Map<String, String> flipped = new java.util.HashMap<>(raw);
            flipped.put(flag, Boolean.toString(!Boolean.parseBoolean(read.get(flag))));
            Map<String, String> after = load(flipped).toProperties();
            Set<String> changed = new java.util.TreeSet<>();
            read.forEach((key, value) -> {
                if (key.matches("[A-Z_]+") && !value.equals(after.get(key))) {
                    changed.add(key);
                }
            });
            assertEquals(Set.of(flag), changed, flag + " turned over");
        }
    }
}
