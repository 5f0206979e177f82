package org.regolancer.orchestrator.lndg;

/** LNDg failed or answered something unusable; {@link #status()} is its HTTP status when it answered one. */
public class LndgException extends RuntimeException {

    private final int status;
    private final String hint;

    public LndgException(String message) {
        this(message, 0, "");
    }

    LndgException(String message, int status, String hint) {
        super(message);
        this.status = status;
        this.hint = hint;
    }

    /** LNDg's HTTP status, or 0 when it did not answer one (refused, timed out, unusable JSON). */
    public int status() {
        return status;
    }

    /** What to do about it, when there is something to say ("" otherwise). */
    public String hint() {
        return hint;
    }
}
