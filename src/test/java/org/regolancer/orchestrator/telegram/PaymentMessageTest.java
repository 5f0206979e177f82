package org.regolancer.orchestrator.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.ledger.LedgerRow;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Payment;
import org.regolancer.orchestrator.ledger.Ppm;
import org.regolancer.orchestrator.pairing.ChannelId;

class PaymentMessageTest {

    private static Payment payment(String sourceAlias, String targetAlias, long amountMsat, long feeMsat) {
        return new Payment(Instant.parse("2025-11-25T07:20:00.750Z"), new ChannelId("905399447106748416"), sourceAlias,
                new ChannelId("893182773332606977"), targetAlias, Msat.of(amountMsat), Msat.of(feeMsat));
    }

    @Test
    void namesBothChannelsTheAmountFeeAndPpm() {
        assertEquals("⚖️ <b>Rebalanced 58,596 sat</b>\nSourceHubA → SinkNode\nfee 52.737 sat · 900 ppm",
                PaymentMessage.html(payment("SourceHubA", "SinkNode", 58_596_000, 52_737)));
    }

    @Test
    void escapesAliasesForTelegramHtml() {
        assertEquals("a &lt;b&gt; &amp; \"c\" 🦀", TelegramHtml.escape("a <b> & \"c\" 🦀"));
        assertEquals("⚖️ <b>Rebalanced 1,000 sat</b>\n&lt;script&gt; → 893182773332606977\nfee 0.5 sat · 500 ppm",
                PaymentMessage.html(payment("<script>", "", 1_000_000, 500)), "an empty alias shows the chan_id");
    }

    @Test
    void ppmIsRoundedToTheNearestAndSubSatFeesKeepTheirMsat() {
        assertEquals(Ppm.of(900), payment("a", "b", 19_532_000, 17_578).feePpm(), "899.98 → 900");
        assertEquals(Ppm.of(1), payment("a", "b", 1_000_000, 1).feePpm(), "1 msat on 1000 sat = 1 ppm");
        assertEquals("0.001", Msat.asSats(1));
        assertEquals("0", Msat.asSats(0));
    }

    @Test
    void theLedgerRowHoldsUtcSecondsIdsAliasesAndAmounts() {
        assertEquals(java.util.List.of("2025-11-25T07:20:00Z", "905399447106748416", "Src, Inc.", "893182773332606977",
                "Sink", "58596", "52737", "900"), LedgerRow.of(payment("Src, Inc.", "Sink", 58_596_000, 52_737)));
    }
}
