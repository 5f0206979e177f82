package org.regolancer.orchestrator.cycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

/**
 * Whether rebalancing is paused (Telegram's /pause): no new regolancer run starts, runs going on finish and are
 * recorded, fetching and planning go on. Kept as {@code DATA_DIR/paused} (one write per /pause or /resume) so it
 * outlives a restart and a reboot.
 */
public class Pause {

    public static final String FILE = "paused";

    private final Path file;
    private volatile Instant since;

    public Pause(Path dataDir) {
        this.file = dataDir.resolve(FILE);
        Instant kept = null;
        if (Files.isRegularFile(file)) {
            try {
                kept = Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
            } catch (IOException | RuntimeException e) {
                kept = Instant.EPOCH;
            }
        }
        this.since = kept;
    }

    public boolean paused() {
        return since != null;
    }

    /** When the pause began, or null when running. */
    public Instant since() {
        return since;
    }

    /** @return false when it was paused already */
    public synchronized boolean pause(Instant now) throws IOException {
        if (since != null) {
            return false;
        }
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, now + "\n", StandardCharsets.UTF_8);
        since = now;
        return true;
    }

    /** @return false when it was running already */
    public synchronized boolean resume() throws IOException {
        if (since == null) {
            return false;
        }
        Files.deleteIfExists(file);
        since = null;
        return true;
    }
}
