package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
