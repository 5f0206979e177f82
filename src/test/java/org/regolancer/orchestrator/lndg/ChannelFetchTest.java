package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelFetchTest {

    private static final String ROW = "{\"chan_id\":\"%s\",\"remote_pubkey\":\"02%s\",\"alias\":\"A\",\"capacity\":1000000,"
            + "\"local_balance\":900000,\"remote_balance\":100000,\"pending_outbound\":null,\"pending_inbound\":0,"
            + "\"is_active\":true,\"is_open\":true,\"private\":false,\"auto_rebalance\":false,\"ar_in_target\":90,"
            + "\"ar_out_target\":75}";

    private static String row(String id) {
        return String.format(ROW, id, "a".repeat(64));
    }

    private static String page(String next, String... rows) {
        return "{\"count\":9,\"next\":" + (next == null ? "null" : "\"" + next + "\"") + ",\"previous\":null,\"results\":["
                + String.join(",", rows) + "]}";
    }

    @Test
    void followsOnlyTheQueryOfNextWhateverHostItNames() {
        ChannelFetch fetch = new ChannelFetch(new ChannelPageParser(), "is_open=true&is_active=true", 10);
        fetch.accept(page("http://evil.example:8889/api/channels/?is_open=true&limit=1&offset=1", row("1")));
        assertEquals("is_open=true&limit=1&offset=1", fetch.getNextQuery());
        fetch.accept(page(null, row("2")));
        assertFalse(fetch.hasMore());
        assertEquals(2, fetch.channels().size());
        assertEquals(0, fetch.channels().get(0).pendingOutbound(), "null pending = none pending");
    }

    @Test
    void refusesANextLoopAndAnEndlessChain() {
        ChannelFetch loop = new ChannelFetch(new ChannelPageParser(), "limit=1&offset=0", 10);
        LndgException e = assertThrows(LndgException.class,
                () -> loop.accept(page("http://h/api/channels/?limit=1&offset=0", row("1"))));
        assertTrue(e.getMessage().contains("already read"));

        ChannelFetch endless = new ChannelFetch(new ChannelPageParser(), "offset=0", 2);
        endless.accept(page("http://h/?offset=1", row("1")));
        assertThrows(LndgException.class, () -> endless.accept(page("http://h/?offset=2", row("2"))));
    }

    @Test
    void refusesBadRowsOneByOneAndBadPagesWhole() {
        ChannelPageParser parser = new ChannelPageParser();
        ChannelPage page = parser.parse(page(null, row("1"), row("12x"), row("99999999999999999999"),
                row("3").replace("\"capacity\":1000000", "\"capacity\":-5"),
                row("4").replace("\"chan_id\":\"4\",", ""),
                row("5").replace("\"chan_id\":\"5\"", "\"chan_id\":5")));
        assertEquals(1, page.channels().size());
        assertEquals(5, page.refusedRows().size(), page.refusedRows().toString());

        assertThrows(LndgException.class, () -> parser.parse("<html>500</html>"));
        assertThrows(LndgException.class, () -> parser.parse("{\"count\":1,\"results\":[{\"chan"));
        assertThrows(LndgException.class, () -> parser.parse("{\"count\":1}"));
        assertThrows(LndgException.class, () -> parser.parse("[]"));
    }

    @Test
    void readsTheFeeFieldsAndPendingHtlcsAndTakesMissingNullOrNegativeOnesAsUnknown() {
        String full = row("1").replace("\"ar_out_target\":75", "\"ar_out_target\":75,\"local_fee_rate\":1200,"
                + "\"remote_fee_rate\":150,\"ar_max_cost\":65,\"htlc_count\":3");
        String odd = row("2").replace("\"ar_out_target\":75", "\"ar_out_target\":75,\"local_fee_rate\":-1,"
                + "\"remote_fee_rate\":null,\"htlc_count\":null");
        var channels = new ChannelPageParser().parse(page(null, full, odd, row("3"))).channels();
        assertEquals(new org.regolancer.orchestrator.pairing.ChannelFees(1200, 150, 65), channels.get(0).fees());
        assertEquals(3, channels.get(0).htlcCount());
        assertFalse(channels.get(1).fees().known(), "-1, null and missing are unknown, the channel is kept");
        assertEquals(-1, channels.get(1).fees().localFeeRate());
        assertEquals(0, channels.get(1).htlcCount(), "a null htlc_count counts as 0");
        assertEquals(0, channels.get(2).htlcCount(), "a missing htlc_count counts as 0");
        assertEquals(org.regolancer.orchestrator.pairing.ChannelFees.NONE, channels.get(2).fees());
    }

    @Test
    void readsArMaxFeeRateFromEverySettingsPageAndNothingWhenLndgHasNoSuchRow() {
        String rows = "{\"url\":\"http://h/api/settings/AR-Enabled/\",\"key\":\"AR-Enabled\",\"value\":\"1\"}";
        SettingsFetch fetch = new SettingsFetch(10);
        assertEquals("/api/settings/", fetch.getPath());
        fetch.accept(page("http://proxy.example/api/settings/?limit=1&offset=1", rows));
        assertEquals("limit=1&offset=1", fetch.getNextQuery());
        fetch.accept(page(null, "{\"url\":\"http://h/api/settings/AR-MaxFeeRate/\",\"key\":\"AR-MaxFeeRate\",\"value\":\"350\"}"));
        assertEquals(java.util.OptionalLong.of(350), fetch.arMaxFeeRate(), "found on the second page");

        SettingsFetch none = new SettingsFetch(10);
        none.accept(page(null, rows));
        assertEquals(java.util.OptionalLong.empty(), none.arMaxFeeRate());
        LndgFeeSettings settings = new LndgFeeSettings(java.time.Duration.ofMinutes(10), java.time.Duration.ofMinutes(1));
        assertEquals(500, settings.arMaxFeeRate(), "LNDg's default before any read");
        assertEquals(500, settings.read(none, java.time.Instant.EPOCH), "and when LNDg has no such row");

        SettingsFetch bad = new SettingsFetch(10);
        LndgException e = assertThrows(LndgException.class, () -> bad.accept(page(null,
                "{\"url\":\"u\",\"key\":\"AR-MaxFeeRate\",\"value\":\"lots\"}")));
        assertEquals("LNDg's AR-MaxFeeRate is 'lots', not a fee rate in ppm", e.getMessage());
    }

    @Test
    void arMaxFeeRateIsReadAtMostEveryRefreshAndAfterAFailureKeepsTheLastValue() {
        java.time.Instant t0 = java.time.Instant.parse("2026-11-26T10:00:00Z");
        LndgFeeSettings settings = new LndgFeeSettings(java.time.Duration.ofMinutes(10), java.time.Duration.ofMinutes(1));
        assertTrue(settings.due(t0), "due at start");
        SettingsFetch fetch = new SettingsFetch(10);
        fetch.accept(page(null, "{\"url\":\"u\",\"key\":\"AR-MaxFeeRate\",\"value\":\"250\"}"));
        settings.read(fetch, t0);
        assertFalse(settings.due(t0.plusSeconds(599)));
        assertTrue(settings.due(t0.plusSeconds(600)));
        settings.failed(t0.plusSeconds(600));
        assertEquals(250, settings.arMaxFeeRate(), "the last value read");
        assertFalse(settings.due(t0.plusSeconds(659)));
        assertTrue(settings.due(t0.plusSeconds(660)), "asked again a minute after a failure");
    }

    @Test
    void anAliasIsPlainTextFromTheMomentItIsRead() {
        String evil = row("1").replace("\"alias\":\"A\"", "\"alias\":\"Evil\\n2099-01-01 00:00:00 ERROR [errors] FORGED\\u001b[31m\\u202e"
                + "x".repeat(40) + "\"");
        ChannelFetch fetch = new ChannelFetch(new ChannelPageParser(), "limit=5000", 10);
        fetch.accept(page(null, evil));
        String alias = fetch.channels().get(0).alias();
        assertEquals("Evil2099-01-01 00:00:00 ERROR [e", alias, "no control or bidi character, 32 characters at most");
    }

    @Test
    void anArMaxCostOutsideLndgsRangeIsUnknownAndSaidTheChannelIsKept() {
        ChannelFetch fetch = new ChannelFetch(new ChannelPageParser(), "limit=5000", 10);
        fetch.accept(page(null,
                row("1").replace("\"ar_out_target\":75", "\"ar_out_target\":75,\"local_fee_rate\":100,\"remote_fee_rate\":10,\"ar_max_cost\":2000000000"),
                row("2").replace("\"ar_out_target\":75", "\"ar_out_target\":75,\"local_fee_rate\":100,\"remote_fee_rate\":10,\"ar_max_cost\":65.5"),
                row("3").replace("\"ar_out_target\":75", "\"ar_out_target\":75,\"local_fee_rate\":100,\"remote_fee_rate\":10,\"ar_max_cost\":100"),
                row("4").replace("\"ar_out_target\":75", "\"ar_out_target\":75,\"local_fee_rate\":100,\"remote_fee_rate\":10,\"ar_max_cost\":0"),
                row("5").replace("\"ar_out_target\":75", "\"ar_out_target\":75,\"ar_max_cost\":null")));
        assertEquals(5, fetch.channels().size(), "every channel kept (a source needs no ar_max_cost)");
        assertEquals(-1, fetch.channels().get(0).fees().arMaxCost());
        assertEquals(-1, fetch.channels().get(1).fees().arMaxCost());
        assertEquals(100, fetch.channels().get(2).fees().arMaxCost());
        assertEquals(0, fetch.channels().get(3).fees().arMaxCost());
        assertEquals(2, fetch.oddCount(), "null is merely unknown, as before");
        assertEquals("chan_id 1: ar_max_cost 2000000000 is outside LNDg's 0–100, taken as unknown", fetch.oddRows().get(0));
        assertEquals(0, fetch.refusedCount());
    }

    @Test
    void badRowsAreCountedAndOnlyTheFirstFewKeptInWordsAndMissingFieldsAreNamed() {
        String[] bad = new String[1000];
        java.util.Arrays.fill(bad, "{\"chan_id\":\"x\"}");
        ChannelFetch fetch = new ChannelFetch(new ChannelPageParser(), "limit=5000", 10);
        fetch.accept(page(null, bad));
        assertEquals(1000, fetch.refusedCount());
        assertEquals(ChannelFetch.EXAMPLES, fetch.refusedRows().size());
        assertTrue(fetch.missingFields().contains("capacity") && !fetch.missingFields().contains("chan_id"), fetch.missingFields().toString());

        ChannelFetch whole = new ChannelFetch(new ChannelPageParser(), "limit=5000", 10);
        whole.accept(page(null, row("1")));
        assertEquals(List.of("htlc_count", "ar_max_cost", "local_fee_rate", "remote_fee_rate"), whole.missingFields());
        ChannelFetch empty = new ChannelFetch(new ChannelPageParser(), "limit=5000", 10);
        empty.accept(page(null));
        assertEquals(List.of(), empty.missingFields(), "no row, nothing to miss");
    }

    @Test
    void arMaxFeeRateOutsideWhatLndgsFormAcceptsFailsTheReadSoTheLastGoodValueStays() {
        for (String ok : new String[] {"1", "5000", "350"}) {
            SettingsFetch fetch = new SettingsFetch(10);
            fetch.accept(page(null, "{\"url\":\"u\",\"key\":\"AR-MaxFeeRate\",\"value\":\"" + ok + "\"}"));
            assertEquals(java.util.OptionalLong.of(Long.parseLong(ok)), fetch.arMaxFeeRate());
        }
        for (String bad : new String[] {"0", "5001", "2e9", "-5"}) {
            SettingsFetch fetch = new SettingsFetch(10);
            LndgException e = assertThrows(LndgException.class, () -> fetch.accept(page(null,
                    "{\"url\":\"u\",\"key\":\"AR-MaxFeeRate\",\"value\":\"" + bad + "\"}")));
            assertEquals("LNDg's AR-MaxFeeRate is " + bad + " ppm, outside 1–5000 (what LNDg's own settings form accepts)",
                    e.getMessage());
        }
    }
}
