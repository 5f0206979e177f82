package org.regolancer.orchestrator.cycle;

import java.time.Instant;
import java.util.List;
import org.regolancer.orchestrator.pairing.Pair;
import org.regolancer.orchestrator.regolancer.RunFiles;

/** One prepared regolancer run: its pair, its files, its cycle and the deadline it must end by. */
public record RunTicket(Pair pair, RunFiles.Run files, Cycle cycle, Instant deadline) {

    /** regolancer's arguments: {@code --config FILE}. */
    public List<String> getArgs() {
        return List.of("--config", files.config().toString());
    }

    public String label() {
        return pair.label();
    }
}
