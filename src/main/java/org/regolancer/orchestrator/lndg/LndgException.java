package org.regolancer.orchestrator.lndg;

/** LNDg answered with something we cannot use. The message never holds credentials. */
public class LndgException extends RuntimeException {
    public LndgException(String message) {
        super(message);
    }
}
