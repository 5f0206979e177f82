package org.regolancer.orchestrator.cycle;

/**
 * Ends the daemon after its single cycle when RUN_FOREVER is false: remembers the exit code and tells Main to
 * finish.
 */
public class Lifecycle {

    private volatile int exitCode;
    private volatile boolean finished;
    private volatile Runnable onFinished = () -> { };
    private volatile Runnable beforeFinishing = () -> { };

    public void setOnFinished(Runnable onFinished) {
        this.onFinished = onFinished;
    }

    /** Runs before the daemon is told to finish, e.g. waiting (bounded) for the cycle's payment notices to go out. */
    public void setBeforeFinishing(Runnable beforeFinishing) {
        this.beforeFinishing = beforeFinishing;
    }

    /** The single cycle is over: finishes on a thread of its own, so the cycle's route is not held meanwhile. */
    public void finished(int code) {
        exitCode = code;
        finished = true;
        Thread finishing = new Thread(() -> {
            beforeFinishing.run();
            onFinished.run();
        }, "finishing");
        finishing.setDaemon(true);
        finishing.start();
    }

    public boolean isFinished() {
        return finished;
    }

    public int exitCode() {
        return exitCode;
    }
}
