package org.regolancer.orchestrator.ops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Appending to our own files (the ledger, errors.log, the report history): created owner-only, and an append the
 * disk took only part of (full, read-only, a file-size limit) undone, so no line stays half-written.
 */
public final class OwnerOnlyAppends {

    private OwnerOnlyAppends() {
    }

    /** The file open for reading and writing, created (with its folders) owner-only if it is not there yet. */
    public static FileChannel open(Path file) throws IOException {
        if (Files.notExists(file)) {
            Files.createDirectories(file.getParent());
            return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
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
