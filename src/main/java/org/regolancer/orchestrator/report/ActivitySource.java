package org.regolancer.orchestrator.report;

import java.time.Instant;
import java.util.List;

/** Where LNDg's side of the report comes from: its own rebalances and the node's forwards, in [from, to). */
public interface ActivitySource {

    List<Activity.LndgRebalance> lndgRebalances(Instant from, Instant to);

    List<Activity.Forward> forwards(Instant from, Instant to);
}
