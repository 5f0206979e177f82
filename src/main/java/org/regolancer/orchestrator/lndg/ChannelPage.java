package org.regolancer.orchestrator.lndg;

import java.util.List;
import java.util.Optional;
import org.regolancer.orchestrator.pairing.Channel;

/**
 * One page of {@code /api/channels/}: the channels we could read, a short reason for each row we refused,
 * and the query part of LNDg's {@code next} link (never its host).
 */
public record ChannelPage(List<Channel> channels, List<String> refusedRows, Optional<String> nextQuery) {
}
