package org.regolancer.orchestrator.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DATA_DIR/errors.log}: one timestamped line per error, secrets removed. The same error repeating (LNDg
 * down for hours) is written once, then at most once an hour with the number of repeats, and once more when it
 * clears, so the file and the log stay small.
 */
public class ErrorLog {

    private static final Logger LOG = LoggerFactory.getLogger("errors");
    static final Duration REPEAT_EVERY = Duration.ofHours(1);

    private final Path file;
    private final Secrets secrets;
    private final Clock clock;
    private final Map<String, Repeat> repeats = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Repeat> eldest) {
            return size() > MAX_TRACKED;
        }
    };
    static final int MAX_TRACKED = 64;

    private static final class Repeat {
        final String kind;
        final String key;
        Instant lastWritten;
        long suppressed;

        Repeat(String kind, String key) {
            this.kind = kind;
            this.key = key;
        }
    }

    /** @param file errors.log, or null to only log (the report command writes nothing) */
    public ErrorLog(Path file, Secrets secrets, Clock clock) {
        this.file = file;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Records an error of a kind ("lndg", "regolancer", "telegram", "cycle", …). */
    public void report(String kind, String message) {
        report(kind, message, message);
    }

    /**
     * Records an error whose line names particulars (a pair, a count) that should not make it a new error: repeats
     * are counted by {@code key} (e.g. "regolancer exited with 139"), whichever pair they came from.
     */
    public synchronized void report(String kind, String key, String message) {
        String clean = oneLine(secrets.scrub(message));
        Instant now = clock.instant();
        Repeat repeat = repeats.computeIfAbsent(kind + "\n" + key, k -> new Repeat(kind, oneLine(secrets.scrub(key))));
        if (repeat.lastWritten != null && Duration.between(repeat.lastWritten, now).compareTo(REPEAT_EVERY) < 0) {
            repeat.suppressed++;
            return;
        }
        String suffix = repeat.suppressed > 0
                ? " (repeated " + repeat.suppressed + " more times since " + repeat.lastWritten.truncatedTo(ChronoUnit.SECONDS) + ")"
                : "";
        repeat.lastWritten = now;
        repeat.suppressed = 0;
        write(now, kind, clean + suffix);
    }

    /** The errors of this kind have cleared: says so once for each that repeated since it was last written. */
    public synchronized void cleared(String kind) {
        for (var it = repeats.values().iterator(); it.hasNext(); ) {
            Repeat repeat = it.next();
            if (repeat.kind.equals(kind)) {
                it.remove();
                if (repeat.suppressed > 0) {
                    write(clock.instant(), kind, "recovered after " + repeat.suppressed + " more repeats of: " + repeat.key);
                }
            }
        }
    }

    public void runFailed(org.regolancer.orchestrator.pairing.Pair pair, Throwable error) {
        report("regolancer", "run failed: " + describe(error),
                "run of " + (pair == null ? "a pair" : pair.label()) + " failed: " + describe(error));
    }

    public void unhandled(String routeId, Throwable error) {
        report("unhandled", "route " + routeId, error);
    }

    /** Records an exception: its type and message, never its stack (which may hold request URIs). */
    public void report(String kind, String context, Throwable error) {
        report(kind, context + ": " + describe(error));
    }

    public static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause.getMessage() == null || cause.getMessage().isBlank())) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private void write(Instant now, String kind, String message) {
        String line = now.truncatedTo(ChronoUnit.SECONDS) + " [" + kind + "] " + message;
        LOG.warn("{}", line.substring(line.indexOf(' ') + 1));
        if (file == null) {
            return;
        }
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(file.getParent());
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.error("cannot write {}: {}", file, e.toString());
        }
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return flat.length() > 1000 ? flat.substring(0, 1000) + "…" : flat;
    }
}
