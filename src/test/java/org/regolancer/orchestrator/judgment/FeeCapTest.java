package org.regolancer.orchestrator.judgment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.targetChannel;
import static org.regolancer.orchestrator.fixtures.TestChannels.withFees;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelFees;

class FeeCapTest {

    private static Channel target(int localFee, int remoteFee, int arMaxCost) {
        return withFees(targetChannel(11), new ChannelFees(localFee, remoteFee, arMaxCost));
    }

    @Test
    void theCapIsTheTargetsShareOfOurFeeRoundedDownAndAtMostArMaxFeeRate() {
        assertEquals(OptionalLong.of(780), FeeCap.maxPpm(target(1200, 150, 65), 1000), "floor(1200 × 65 / 100)");
        assertEquals(OptionalLong.of(500), FeeCap.maxPpm(target(1200, 150, 65), 500), "LNDg's AR-MaxFeeRate caps it");
        assertEquals(OptionalLong.of(6), FeeCap.maxPpm(target(13, 0, 50), 500), "6.5 rounds down");
    }

    @Test
    void aTargetRunsOnlyWhenItsCapIsAboveThePeersFee() {
        assertNull(FeeCap.refusal(target(1200, 150, 65), 500));
        assertNull(FeeCap.refusal(target(100, 64, 65), 500), "65 > 64");
        assertTrue(FeeCap.refusal(target(100, 65, 65), 500).contains("65 ppm is not above the peer's fee 65 ppm"),
                "equal is not enough: the last hop alone costs that much");
        assertTrue(FeeCap.refusal(target(1200, 450, 65), 400).contains("400 ppm is not above the peer's fee 450 ppm"),
                "AR-MaxFeeRate below the peer's fee");
    }

    @Test
    void aCapOfZeroIsNeverRun() {
        assertTrue(FeeCap.refusal(target(1200, 0, 0), 500).contains("is 0 ppm"), "ar_max_cost 0");
        assertTrue(FeeCap.refusal(target(0, 0, 65), 500).contains("is 0 ppm"), "we charge nothing on it");
        assertTrue(FeeCap.refusal(target(1200, 0, 65), 0).contains("is 0 ppm"), "AR-MaxFeeRate 0");
        assertTrue(FeeCap.refusal(target(1, 0, 65), 500).contains("is 0 ppm"), "0.65 rounds down to 0");
    }

    @Test
    void missingOrNegativeFeeFieldsAreNeverRun() {
        for (ChannelFees fees : new ChannelFees[] {new ChannelFees(-1, 10, 65), new ChannelFees(100, -1, 65),
                new ChannelFees(100, 10, -1), new ChannelFees(-7, 10, 65), ChannelFees.NONE}) {
            Channel target = withFees(targetChannel(11), fees);
            assertEquals(OptionalLong.empty(), FeeCap.maxPpm(target, 500), fees.toString());
            assertTrue(FeeCap.refusal(target, 500).contains("is missing"), fees.toString());
        }
    }

    @Test
    void maxFeePpmCeilsLndgsArMaxFeeRateForTheJudgmentAsForTheRuns() {
        assertEquals(300, FeeCap.ceiled(2_000_000_000L, OptionalLong.of(300)));
        assertEquals(200, FeeCap.ceiled(200, OptionalLong.of(300)));
        assertEquals(500, FeeCap.ceiled(500, OptionalLong.empty()));
        // a target whose cap MAX_FEE_PPM lowers to its peer's fee is not worth a run
        assertTrue(FeeCap.refusal(target(1200, 150, 65), FeeCap.ceiled(500, OptionalLong.of(150))).contains("not above the peer's fee"));
    }
}
