package org.regolancer.orchestrator.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.regolancer.orchestrator.ops.OwnerOnlyFiles;

/**
 * {@code DATA_DIR/daily-report.sent}: the last day whose report went out, so no day is reported twice. Remembered in
 * memory first, so a disk that refuses the file does not make the day due again while the daemon runs. Not thread-safe:
 * its owner ({@link ReportService}) holds the lock.
 */
final class SentMarker {

    private final Path file;
    /** The last day sent, also when the file could not be written (a full or read-only disk). */
    private LocalDate inMemory;

    SentMarker(Path file) {
        this.file = file;
    }

    /** That day's report, or a later day's, went out. */
    boolean covers(LocalDate date) throws IOException {
        LocalDate last = last();
        return last != null && !last.isBefore(date);
    }

    /** The last day sent, from the file or from memory, whichever is later; null when none. */
    LocalDate last() throws IOException {
        LocalDate inFile = null;
        if (Files.exists(file)) {
            try {
                inFile = LocalDate.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
            } catch (RuntimeException e) {
                // unreadable: as if none
            }
        }
        if (inFile == null || (inMemory != null && inMemory.isAfter(inFile))) {
            return inMemory;
        }
        return inFile;
    }

    /** The day went out: remembered at once, then written (owner-only, in one step); the IOException when it cannot be. */
    void mark(LocalDate date) throws IOException {
        inMemory = date;
        OwnerOnlyFiles.replace(file, date + "\n");
    }
}
