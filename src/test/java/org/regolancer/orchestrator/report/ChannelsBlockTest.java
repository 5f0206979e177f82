package org.regolancer.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.books.ChannelBook;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Sat;

class ChannelsBlockTest {

    private static final ChannelId A = new ChannelId("800000000000000001");
    private static final ChannelId B = new ChannelId("800000000000000002");
    private static final ChannelId C = new ChannelId("800000000000000003");
    private static final ChannelId QUIET = new ChannelId("800000000000000004");

    @Test
    void eachRefilledChannelOneLineSortedByFeesPaidThoseThatLostMarked() {
        List<ChannelBook> books = List.of(
                // lndg#464's channel: 2,016 sat paid, 1,629 earned
                book(A, 35, 1_750_000, 2_016_000, 0, 214, 9_000_000, 1_629_000),
                book(B, 2, 200_000, 30_500, 1, 10, 500_000, 120_250),
                book(C, 1, 50_000, 0, 0, 0, 0, 0),
                book(QUIET, 0, 0, 0, 0, 5, 10_000, 7_000));
        String block = ChannelsBlock.render(new ChannelsBlock.View(books, Map.of(A, "Bitrefill", B, "<b>ACINQ</b>"), 30, true), 4000);
        assertEquals("<b>Channels</b>, last 30 days (refills × sat · fees paid · earned out · earned ÷ paid, sat)\n"
                + "⚠️ Bitrefill: 35 × 1.8M · 2k · 1.6k · 0.81×\n"
                + "&lt;b&gt;ACINQ&lt;/b&gt;: 2 × 200k · 30.5 · 120.25 · 3.94× · 1 fees unknown\n"
                + "800000000000000003: 1 × 50k · 0 · 0 · nothing paid", block);
    }

    @Test
    void asManyAsFitThenHowManyMore() {
        List<ChannelBook> books = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            books.add(book(new ChannelId(Long.toString(800_000_000_000_000_000L + i)), 1, 10_000, i * 1000L, 0, 0, 0, 0));
        }
        String block = ChannelsBlock.render(new ChannelsBlock.View(books, Map.of(), 30, true), 1000);
        assertTrue(block.length() <= 1000, block.length() + " characters");
        String[] lines = block.split("\n");
        int shown = lines.length - 2;
        assertEquals("… and " + (200 - shown) + " more", lines[lines.length - 1]);
        assertTrue(lines[1].startsWith("⚠️ 800000000000000200: "), "the most paid first: " + lines[1]);
    }

    @Test
    void beforeLndgWasReadItSaysTheBooksHoldOurRefillsOnly() {
        String block = ChannelsBlock.render(new ChannelsBlock.View(List.of(), Map.of(), 7, false), 4000);
        assertEquals("<b>Channels</b>, last 7 days (refills × sat · fees paid · earned out · earned ÷ paid, sat)\n"
                + "<i>LNDg's forwards and rebalancer jobs not read yet: our refills only</i>\n"
                + "no channel refilled", block);
    }

    /** A book in plain numbers: counts, sats and msat in the record's order. */
    private static ChannelBook book(ChannelId id, long refills, long refilledSat, long paidMsat, long unknownFeeRefills,
            long forwards, long forwardedSat, long earnedMsat) {
        return new ChannelBook(id, refills, Sat.of(refilledSat), Msat.of(paidMsat), unknownFeeRefills, forwards,
                Sat.of(forwardedSat), Msat.of(earnedMsat));
    }
}
