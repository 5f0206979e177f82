package org.regolancer.orchestrator.ops;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
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
    static final int MAX_UNWRITTEN = 200;
    private final ArrayDeque<String> unwritten = new ArrayDeque<>();
    private long droppedUnwritten;
    private boolean fileRefused;

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

    /** The text on one line without the known secrets, for what goes elsewhere than errors.log (Telegram, /status). */
    public String scrubbed(String text) {
        return oneLine(secrets.scrub(text));
    }

    /** What an errors.log line is about: the word in its brackets ({@code [lndg]}), by which {@link #cleared} ends it. */
    public enum Kind {
        BOOKS("books"), CYCLE("cycle"), JMX("jmx"), LEDGER("ledger"), LNDG("lndg"), LNDG_BOOKS("lndg-books"),
        LNDG_BOOK_ROWS("lndg-book-rows"), LNDG_LOGIN("lndg-login"), LNDG_NOTICES("lndg-notices"),
        LNDG_NOTICES_FILE("lndg-notices-file"), LNDG_ROWS("lndg-rows"), LNDG_SETTINGS("lndg-settings"),
        REGOLANCER("regolancer"), REPORT("report"), ROUTES("routes"), TELEGRAM("telegram"),
        TELEGRAM_COMMANDS("telegram-commands"), UNHANDLED("unhandled");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The word in errors.log's brackets. */
        @Override
        public String toString() {
            return word;
        }
    }

    /** Records an error of a kind. */
    public void report(Kind kind, String message) {
        record(kind.toString(), message, message);
    }

    /**
     * Records an error whose line names particulars (a pair, a count) that should not make it a new error: repeats
     * are counted by {@code key} (e.g. "regolancer exited with 139"), whichever pair they came from.
     */
    public void report(Kind kind, String key, String message) {
        record(kind.toString(), key, message);
    }

    /** Records an exception: the context and its cause in words, never its stack (which may hold request URIs). */
    public void report(Kind kind, String context, Throwable error) {
        report(kind, context + ": " + describe(error));
    }

    /** The errors of this kind have cleared: says so once for each that repeated since it was last written. */
    public void cleared(Kind kind) {
        clear(kind.toString());
    }

    /**
     * For the routes, which name a kind by its word ({@code failed('telegram', 'a command could not be answered',
     * ${exception})}, as an operator's copy of older routes may): one name, one signature, so Camel never has to pick.
     */
    public void failed(String kind, String context, Throwable error) {
        String line = context + ": " + describe(error);
        record(kind, line, line);
    }

    private synchronized void record(String kind, String key, String message) {
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

    private synchronized void clear(String kind) {
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
        report(Kind.REGOLANCER, "run failed: " + describe(error),
                "run of " + (pair == null ? "a pair" : pair.label()) + " failed: " + describe(error));
    }

    public void unhandled(String routeId, Throwable error) {
        report(Kind.UNHANDLED, "route " + routeId, error);
    }

    /** A message that names a class (a wrapper's "due to: org.x.SomeException: …") rather than saying what went wrong. */
    private static final java.util.regex.Pattern NAMES_A_CLASS = java.util.regex.Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*(?:Exception|Error)\\b");

    /**
     * What went wrong, in words an operator reads: the outermost message that says something (Camel's and the JDK's
     * wrappers, whose messages only name the exception they wrap, are looked through), never a class name.
     */
    public static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
            if (cause instanceof java.nio.file.NoSuchFileException) {
                return "no such file: " + message;
            }
            if (cause instanceof java.nio.file.AccessDeniedException) {
                return "permission denied: " + message;
            }
            String plain = plain(cause);
            if (message.isEmpty() && plain != null) {
                return plain;
            }
            if (!message.isEmpty() && !NAMES_A_CLASS.matcher(message).find()
                    && !message.startsWith("Exception occurred during execution on the exchange")) {
                return message;
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return words(root.getClass().getSimpleName());
    }

    /** The JDK's network failures, whose messages are often empty, in words. */
    private static String plain(Throwable error) {
        if (error instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (error instanceof java.net.http.HttpTimeoutException || error instanceof java.net.SocketTimeoutException) {
            return "no answer in time";
        }
        if (error instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        if (error instanceof java.nio.channels.ClosedChannelException || error instanceof java.io.EOFException) {
            return "connection closed";
        }
        return null;
    }

    /** "NoSuchFileException" → "no such file". */
    static String words(String className) {
        String name = className.replaceAll("(Exception|Error)$", "");
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT).strip();
    }

    /** Writes the lines the disk refused before, if any; the cycle calls it, so they go in once the disk takes them. */
    public synchronized void retryUnwritten() {
        if (!unwritten.isEmpty()) {
            flush(clock.instant());
        }
    }

    private void write(Instant now, String kind, String message) {
        String line = now.truncatedTo(ChronoUnit.SECONDS) + " [" + kind + "] " + message;
        LOG.warn("{}", line.substring(line.indexOf(' ') + 1));
        if (file == null) {
            return;
        }
        if (unwritten.size() == MAX_UNWRITTEN) {
            unwritten.removeFirst();
            droppedUnwritten++;
        }
        unwritten.addLast(line);
        flush(now);
    }

    /**
     * Appends the waiting lines in one write; if the disk refuses (full, read-only), whatever part got in is cut off
     * again and the lines keep waiting (the newest {@value #MAX_UNWRITTEN}), said once in the log, not every time.
     */
    private void flush(Instant now) {
        StringBuilder text = new StringBuilder();
        if (droppedUnwritten > 0) {
            text.append(now.truncatedTo(ChronoUnit.SECONDS)).append(" [errors] ").append(droppedUnwritten)
                    .append(" older lines were lost while errors.log could not be written\n");
        }
        unwritten.forEach(line -> text.append(line).append('\n'));
        long before = -1;
        try (FileChannel out = OwnerOnlyAppends.open(file)) {
            before = out.size();
            if (before > 0 && !endsWithNewline(out, before)) {
                text.insert(0, '\n');
            }
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            out.position(before);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        } catch (IOException | UnsupportedOperationException e) {
            OwnerOnlyAppends.cutBack(file, before);
            if (!fileRefused) {
                fileRefused = true;
                LOG.error("cannot write {} ({}): its lines wait in memory until it can be written", file, describe(e));
            }
            return;
        }
        unwritten.clear();
        droppedUnwritten = 0;
        fileRefused = false;
    }

    private static boolean endsWithNewline(FileChannel out, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        out.read(last, size - 1);
        return last.get(0) == '\n';
    }

    private static String oneLine(String text) {
        // a last guard: line breaks become spaces, and no other control character reaches the file or a terminal
        return UntrustedText.line(text.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ").strip(), 1000);
    }
}
