package org.regolancer.orchestrator.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The log and check count channels the one way: the open ones LNDg listed, and the active among them. */
class ChannelCountTest {

    private static Channel channel(int n, boolean active, boolean open) {
        return new Channel(new ChannelId(Long.toString(800_000_000_000_000_000L + n)), "c" + n, "02" + n, 1_000_000, 500_000,
                500_000, 0, 0, active, open, false, false, 90, 75, null, 0);
    }

    @Test
    void openChannelsAndTheActiveAmongThem() {
        // the demo's node: six open and active, one inactive, one closed (LNDg lists a closed row whatever the filter asks)
        List<Channel> demo = List.of(channel(1, true, true), channel(2, true, true), channel(3, true, true),
                channel(4, true, true), channel(5, true, true), channel(6, true, true), channel(7, false, true),
                channel(8, true, false));
        assertEquals("7 open channels (6 active)", ChannelCount.of(demo));
        assertEquals("1 open channel (0 active)", ChannelCount.of(List.of(channel(1, false, true))));
        assertEquals("0 open channels (0 active)", ChannelCount.of(List.of()));
    }
}
