package org.regolancer.orchestrator.cycle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecCommandExecutor;
import org.apache.camel.component.exec.ExecException;
import org.apache.camel.component.exec.ExecResult;
import org.regolancer.orchestrator.ops.ChildEnvironment;
import org.regolancer.orchestrator.ops.Secrets;
import org.regolancer.orchestrator.ops.UntrustedText;
import org.regolancer.orchestrator.regolancer.ProcessResult;
import org.regolancer.orchestrator.regolancer.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-exec's executor for regolancer: runs it with the daemon's environment without its secrets and
 * {@code NO_COLOR=1}, streams its lines to the log when
 * REGOLANCER_LIVE_LOGS is on, keeps its output bounded, and stops it at the cycle's deadline (SIGTERM, then
 * SIGKILL) — camel-exec's own timeout would only send SIGTERM and then wait.
 */
public class RegolancerExecutor implements ExecCommandExecutor {

    private static final Logger LOG = LoggerFactory.getLogger("regolancer");

    private final ProcessRunner runner;
    private final RegolancerRuns runs;
    private final Secrets secrets;
    private final boolean liveLogs;
    private final Map<String, String> environment;

    /** camel-exec's result, carrying how the process ended. */
    public static final class Result extends ExecResult {
        private final transient ProcessResult process;

        Result(ExecCommand command, ProcessResult process) {
            super(command, stream(String.join("\n", process.lastLines())), stream(""), process.exitValue());
            this.process = process;
        }

        public ProcessResult process() {
            return process;
        }

        private static InputStream stream(String text) {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    public RegolancerExecutor(ProcessRunner runner, RegolancerRuns runs, Secrets secrets, boolean liveLogs,
            ChildEnvironment environment) {
        this.environment = environment.with(Map.of("NO_COLOR", "1"));
        this.runner = runner;
        this.runs = runs;
        this.secrets = secrets;
        this.liveLogs = liveLogs;
    }

    @Override
    public ExecResult execute(ExecCommand command) throws ExecException, IOException {
        RunTicket ticket = runs.ticketFor(command.getArgs());
        List<String> argv = new ArrayList<>();
        argv.add(command.getExecutable());
        argv.addAll(command.getArgs());
        String label = ticket.label();
        // regolancer prints nodes' aliases from LND's graph: text, one line, as every alias
        Consumer<String> sink = liveLogs ? line -> LOG.info("[{}] {}", label, UntrustedText.line(secrets.scrub(line), 2000))
                : line -> { };
        try {
            ProcessResult process = runner.run(argv, environment, ticket.deadline(), sink);
            return new Result(command, process.crashed() ? process.withCrash(secrets.scrub(process.crash())) : process);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while regolancer ran");
        }
    }
}
