package org.regolancer.orchestrator.lndg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.regolancer.orchestrator.pairing.Channel;

/** The paged read of {@code /api/channels/}: the channels read so far and the rows refused. */
public final class ChannelFetch extends PagedFetch {

    private final ChannelPageParser parser;
    private final List<Channel> channels = new ArrayList<>();
    private final List<String> refusedRows = new ArrayList<>();

    public ChannelFetch(ChannelPageParser parser, String firstQuery, int maxPages) {
        super("/api/channels/", "channel", firstQuery, maxPages);
        this.parser = parser;
    }

    @Override
    protected Optional<String> readPage(String body) {
        ChannelPage page = parser.parse(body);
        channels.addAll(page.channels());
        refusedRows.addAll(page.refusedRows());
        return page.nextQuery();
    }

    public List<Channel> channels() {
        return List.copyOf(channels);
    }

    public List<String> refusedRows() {
        return List.copyOf(refusedRows);
    }
}
