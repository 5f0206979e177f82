package org.regolancer.orchestrator.regolancer;

import java.time.Instant;
import org.regolancer.orchestrator.pairing.ChannelId;

/** One successful payment as regolancer writes it to its stat CSV. Amounts in msat, fees excluded from the amount. */
public record StatRow(Instant time, ChannelId fromChannel, ChannelId toChannel, long amountMsat, long feesMsat) {
}
