package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.regolancer.orchestrator.pairing.Channel;

/**
 * The paged read of {@code /api/channels/}: the channels read so far, how many rows were refused or had a value
 * outside LNDg's ranges (the first few in words: a hostile answer's million bad rows are counted, not kept), and which
 * of the fields the daemon reads its first row lacked.
 */
public final class ChannelFetch extends PagedFetch {

    /** How many refused or odd rows are kept in words. */
    static final int EXAMPLES = 3;

    private final ChannelPageParser parser;
    private final List<Channel> channels = new ArrayList<>();
    private final List<String> refusedRows = new ArrayList<>();
    private final List<String> oddRows = new ArrayList<>();
    private int refused;
    private int odd;
    private List<String> missingFields;

    /**
     * LNDg's UI asks for 100000 at once. One large page, read as a stream, rather than offset paging: LNDg's channel
     * list has no ordering (no order_by, no Meta ordering), and LNDg rewrites every row every 20 s or so, which on
     * PostgreSQL moves rows in the table, so later pages could skip or repeat a channel. 5000 rows are about 7 MB.
     */
    static final String OPEN_ACTIVE = "is_open=true&is_active=true&limit=5000";
    static final String OPEN = "is_open=true&limit=5000";
    static final int MAX_PAGES = 50;

    /** The channels a cycle pairs: open and active. */
    public static ChannelFetch openActive() {
        return new ChannelFetch(new ChannelPageParser(), OPEN_ACTIVE, MAX_PAGES);
    }

    /** Every open channel, active or not. */
    public static ChannelFetch open() {
        return new ChannelFetch(new ChannelPageParser(), OPEN, MAX_PAGES);
    }

    public ChannelFetch(ChannelPageParser parser, String firstQuery, int maxPages) {
        super("/api/channels/", "channel", firstQuery, maxPages);
        this.parser = parser;
    }

    @Override
    protected Optional<String> readPage(InputStream body) {
        return parser.read(body, new ChannelPageParser.Rows() {
            @Override
            public void channel(Channel channel) {
                channels.add(channel);
            }

            @Override
            public void refused(String why) {
                if (refused++ < EXAMPLES) {
                    refusedRows.add(why);
                }
            }

            @Override
            public void odd(String what) {
                if (odd++ < EXAMPLES) {
                    oddRows.add(what);
                }
            }

            @Override
            public void row(JsonNode row) {
                if (missingFields == null && row.isObject()) {
                    missingFields = ChannelPageParser.FIELDS.stream().filter(f -> !row.has(f)).toList();
                }
            }
        });
    }

    public List<Channel> channels() {
        return List.copyOf(channels);
    }

    /** The first few rows refused, in words. */
    public List<String> refusedRows() {
        return List.copyOf(refusedRows);
    }

    /** How many rows were refused. */
    public int refusedCount() {
        return refused;
    }

    /** The first few rows kept with a value outside LNDg's own range (taken as unknown), in words. */
    public List<String> oddRows() {
        return List.copyOf(oddRows);
    }

    public int oddCount() {
        return odd;
    }

    /** The fields the daemon reads that LNDg's first row lacks (none when there was no row). */
    public List<String> missingFields() {
        return missingFields == null ? List.of() : missingFields;
    }
}
