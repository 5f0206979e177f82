package org.regolancer.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.Await;
import org.regolancer.orchestrator.fixtures.Installation;

/**
 * A stop is quiet: the packaged demo, stopped with SIGTERM one second after its first payment (a run is going then), again
 * and again, logs no WARN, no ERROR and no stack trace, and ends with one INFO line saying what it did since it started
 * and that the ledger is closed: {@value #STOPS} stops, three daemons at a time. Before the cycle ended on the scheduler's
 * own thread, such a stop logged "WARN Error processing exchange … InterruptedException" and its stack now and then (one
 * in five, the issue says, which these stops catch 98 times in 100; 5 in 125 measured on this project's busy machine, and
 * 0 in 48 such stops of the old route here): the race is timing, so CycleEndsOnSchedulerThreadRouteTest guards its cause
 * every time.
 */
class QuietStopIT {

    static final int DAEMONS = 3;
    static final int STOPS_EACH = 6;
    static final int STOPS = DAEMONS * STOPS_EACH;
    private static final Pattern STOP_LINE = Pattern.compile("(?m)^\\S+ \\S+ INFO Stopped after [^:]+: (\\d+) cycles?, (\\d+) "
            + "regolancer runs?, (\\d+) payments?, [\\d,]+ sat moved for [\\d.]+ sat fees; the ledger is closed$");

    private final List<Installation> apps = new ArrayList<>();

    /** What one stop showed: a run was stopped, and what its output says is wrong, if anything. */
    private record Stop(boolean duringARun, String wrong) {
    }

    @AfterEach
    void removeWhatTheDemosKeptInRam() throws IOException {
        for (Installation app : apps) {
            app.removeDemoRamFolder();
        }
    }

    @Test
    void sigtermDuringARunLogsOneInfoLineAndNothingElseAgainAndAgain() throws Exception {
        for (int i = 0; i < DAEMONS; i++) {
            apps.add(new Installation(Installation.newFolder()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(DAEMONS);
        List<Future<List<Stop>>> each = new ArrayList<>();
        for (Installation app : apps) {
            each.add(pool.submit(() -> stops(app)));
        }
        List<Stop> stops = new ArrayList<>();
        for (Future<List<Stop>> one : each) {
            stops.addAll(one.get(15, TimeUnit.MINUTES));
        }
        pool.shutdown();
        List<String> wrong = stops.stream().map(Stop::wrong).filter(w -> !w.isEmpty()).toList();
        assertEquals(List.of(), wrong, "stops that were not quiet");
        long duringRuns = stops.stream().filter(Stop::duringARun).count();
        System.out.println(duringRuns + " of " + stops.size() + " stops came during a run");
        assertTrue(duringRuns >= STOPS * 2 / 3, "most stops during a run: " + duringRuns + " of " + stops.size());
    }

    private static List<Stop> stops(Installation app) throws Exception {
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < STOPS_EACH; i++) {
            Files.deleteIfExists(app.resolve("out.log"));
            Process daemon = app.start(Map.of(), "--profile", "demo");
            try {
                Await.until(Duration.ofSeconds(90), () -> app.output().contains("INFO Rebalanced ") || !daemon.isAlive());
                assertTrue(app.output().contains("INFO Rebalanced "), "a payment:\n" + app.output());
                Thread.sleep(Duration.ofSeconds(1).toMillis());
                daemon.destroy();
                assertTrue(daemon.waitFor(10, TimeUnit.SECONDS), "stops within 10 s of SIGTERM:\n" + app.output());
            } finally {
                Installation.stop(daemon);
            }
            stops.add(judge(app.output(), daemon.exitValue()));
        }
        return stops;
    }

    /** A quiet stop: exit 143, no WARN, ERROR or stack trace, one stop line whose payments are the ones logged. */
    static Stop judge(String out, int exit) {
        List<String> wrong = new ArrayList<>();
        if (exit != 143) {
            wrong.add("exit " + exit);
        }
        if (out.contains(" WARN ") || out.contains(" ERROR ") || out.contains("\tat ") || out.contains("Exception")) {
            wrong.add("a WARN, ERROR or stack trace");
        }
        Matcher line = STOP_LINE.matcher(out);
        if (!line.find()) {
            wrong.add("no stop line");
        } else {
            long payments = out.lines().filter(l -> l.contains(" INFO Rebalanced ")).count();
            if (Long.parseLong(line.group(3)) != payments) {
                wrong.add("the stop line counts " + line.group(3) + " payments, the log " + payments);
            }
            if (line.find()) {
                wrong.add("two stop lines");
            }
        }
        return new Stop(out.contains("ended: STOPPED"), wrong.isEmpty() ? "" : String.join(", ", wrong) + ":\n" + out);
    }
}
