package org.regolancer.orchestrator.ops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Undoing an append the disk took only part of (full, read-only, a file-size limit), so no line stays half-written. */
public final class PartialWrites {

    private PartialWrites() {
    }

    /**
     * Cuts the file back to the size it had before the failed append; a negative size (the file could not even be
     * opened) does nothing. A disk that refuses even this leaves the part line: the next append deals with it.
     */
    public static void cutBack(Path file, long size) {
        if (size < 0) {
            return;
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (out.size() > size) {
                out.truncate(size);
            }
        } catch (IOException e) {
            // as documented: the next append removes the part line (the ledger) or starts on a new line (errors.log)
        }
    }
}
