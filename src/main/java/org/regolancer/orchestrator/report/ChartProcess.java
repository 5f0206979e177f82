package org.regolancer.orchestrator.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.regolancer.orchestrator.ops.ChildEnvironment;

/**
 * Draws the chart in a Java process of its own that ends with it ({@link ReportChart#main}): the drawing library,
 * AWT and its fonts would otherwise stay in the daemon for the rest of its life, for one picture a day (measured:
 * RSS after a report 109 MB instead of 122). The days go in on stdin, the PNG comes out on stdout; about a second of
 * CPU a day.
 */
public final class ChartProcess implements ChartDrawer {

    static final int MAX_PNG_BYTES = 4 * 1024 * 1024;

    private final List<String> command;
    private final Duration limit;
    private final ChildEnvironment environment;

    /**
     * @param command the java command that runs {@link ReportChart#main}
     * @param environment the daemon's environment without its secrets
     */
    ChartProcess(List<String> command, Duration limit, ChildEnvironment environment) {
        this.command = List.copyOf(command);
        this.limit = limit;
        this.environment = environment;
    }

    /** The same java and class path as this process, with a small heap, and the daemon's environment without secrets. */
    public static ChartProcess ofThisJvm(ChildEnvironment environment) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ChartProcess(List.of(java, "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), ReportChart.class.getName()),
                Duration.ofSeconds(120), environment);
    }

    @Override
    public byte[] png(LocalDate lastDay, Map<LocalDate, DayFigures> days) throws IOException {
        Process process = environment.applyTo(new ProcessBuilder(command)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        Thread reader = new Thread(() -> copy(process.getInputStream(), png), "report-chart");
        reader.setDaemon(true);
        reader.start();
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(ReportChart.input(lastDay, days).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the drawer ended early: its exit code says why
            }
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("the chart drawer did not finish in " + limit.toSeconds() + " s");
            }
            reader.join(limit.toMillis());
            if (process.exitValue() != 0) {
                throw new IOException("the chart drawer (a java process of its own) exited with " + process.exitValue());
            }
            byte[] bytes;
            synchronized (png) {
                bytes = png.toByteArray();
            }
            if (bytes.length < 8 || bytes[1] != 'P' || bytes[2] != 'N' || bytes[3] != 'G') {
                throw new IOException("the chart drawer gave no PNG (" + bytes.length + " bytes)");
            }
            return bytes;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the chart was drawn", e);
        }
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        byte[] buffer = new byte[16 * 1024];
        try (from) {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                synchronized (to) {
                    if (to.size() + n > MAX_PNG_BYTES) {
                        return;
                    }
                    to.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process went away: what was read is judged by the caller
        }
    }
}
