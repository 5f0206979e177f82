package org.regolancer.orchestrator.check;

import org.regolancer.orchestrator.lndg.LndgException;
import org.regolancer.orchestrator.ops.Secrets;

/** Text from outside (LNDg's, Telegram's, a file's) made fit for a check's line: secrets masked, one line, short. */
final class CheckText {

    private CheckText() {
    }

    /** Secrets masked, on one line, at most 300 characters. */
    static String clean(Secrets secrets, String text) {
        String flat = secrets.scrub(text).replaceAll("[\\r\\n\\t]+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** LNDg's failure without its hint (the hint goes on the line of what to do). */
    static String withoutHint(LndgException e) {
        return e.hint().isEmpty() ? e.getMessage() : e.getMessage().replace(": " + e.hint(), "");
    }
}
