package org.regolancer.orchestrator.cycle;

/**
 * Ends the daemon after its single cycle when RUN_FOREVER is false: remembers the exit code and tells Main to
 * finish.
 */
public class Lifecycle {

    private volatile int exitCode;
    private volatile boolean finished;
    private volatile Runnable onFinished = () -> { };

    public void setOnFinished(Runnable onFinished) {
        this.onFinished = onFinished;
    }

    public void finished(int code) {
        exitCode = code;
        finished = true;
        onFinished.run();
    }

    public boolean isFinished() {
        return finished;
    }

    public int exitCode() {
        return exitCode;
    }
}
