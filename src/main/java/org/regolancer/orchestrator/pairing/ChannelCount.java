package org.regolancer.orchestrator.pairing;

import java.util.Collection;

/**
 * The one way channels are counted and said, in the log and by {@code check}: the open ones among the rows LNDg gave
 * (it may list a closed row whatever the filter asks), and how many of them are active: "7 open channels (6 active)".
 */
public final class ChannelCount {

    private ChannelCount() {
    }

    public static String of(Collection<Channel> channels) {
        long open = channels.stream().filter(Channel::open).count();
        long active = channels.stream().filter(c -> c.open() && c.active()).count();
        return open + (open == 1 ? " open channel (" : " open channels (") + active + " active)";
    }
}
