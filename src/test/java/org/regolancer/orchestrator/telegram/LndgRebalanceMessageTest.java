package org.regolancer.orchestrator.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.lndg.FinishedJob;

class LndgRebalanceMessageTest {

    private static String html(FinishedJob job) {
        return LndgRebalanceMessage.html(job.valueSat(), job.targetName(), job.feeMsat(), job.feePpm());
    }

    @Test
    void amountTargetFeeAndPpmMarkedAsLndgsWithTheAliasEscaped() {
        FinishedJob job = new FinishedJob(7, Instant.EPOCH, 50_000, 12_345L, "Tom & <Jerry>", "03aa");
        assertEquals("☯️ <b>LNDg rebalanced 50,000 sat</b>\n→ Tom &amp; &lt;Jerry&gt;\nfee 12.345 sat · 247 ppm", html(job));
    }

    @Test
    void aFeeLndgDidNotRecordIsSaidSoAndAMissingAliasIsThePeer() {
        FinishedJob job = new FinishedJob(7, Instant.EPOCH, 1_000_000, null, "", "03bb");
        assertEquals("☯️ <b>LNDg rebalanced 1,000,000 sat</b>\n→ 03bb\nfee not reported", html(job));
        assertEquals(0L, new FinishedJob(8, Instant.EPOCH, 1_000_000, 0L, "", "").feePpm());
    }
}
