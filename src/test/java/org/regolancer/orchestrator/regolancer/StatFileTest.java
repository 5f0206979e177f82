package org.regolancer.orchestrator.regolancer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.pairing.ChannelId;

class StatFileTest {

    @Test
    void readsRegolancersRowsUnderItsHeader() {
        StatFile.Parsed parsed = StatFile.parse(List.of(
                "timestamp,from_channel,to_channel,amount_msat,fees_msat",
                "1764055200,905399447106748416,893182773332606977,58596000,52737"));
        assertEquals(List.of(new StatRow(Instant.ofEpochSecond(1764055200), new ChannelId("905399447106748416"),
                new ChannelId("893182773332606977"), 58596000, 52737)), parsed.rows());
        assertEquals(List.of(), parsed.malformed());
    }

    @Test
    void everyRapidRebalanceRowIsAPayment() {
        StatFile.Parsed parsed = StatFile.parse(List.of(
                StatFile.HEADER,
                "1764055200,1,2,58596000,52737",
                "1764055201,1,2,117192000,105474",
                "1764055203,1,2,234384000,0"));
        assertEquals(3, parsed.rows().size());
        assertEquals(0, parsed.rows().get(2).feesMsat(), "a free payment is still a payment");
    }

    @Test
    void countsMalformedRowsAndKeepsTheGoodOnes() {
        StatFile.Parsed parsed = StatFile.parse(List.of(
                StatFile.HEADER,
                "1764055200,1,2,58596000,52737",
                "this is not,a stat row",
                "1764055200,abc,2,1000,1",
                "1764055200,1,2,-5,1",
                "1764055200,1,2",
                ""));
        assertEquals(1, parsed.rows().size());
        assertEquals(4, parsed.malformed().size());
    }
}
