package org.regolancer.orchestrator.ops;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replacing one of our own files in one step (the report's sent marker and history, the waiting notices, the RAM
 * folder's files): the text goes to {@code <name>.tmp} beside the file, created owner-only (never an existing file or
 * a link followed), forced to the disk, then moved over the file atomically. A reader sees the old text or the new,
 * never a part; a crash leaves the old file; a failure leaves no {@code .tmp} behind where the disk allows.
 */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** Replaces {@code file}'s content with {@code text} (UTF-8). */
    public static void replace(Path file, String text) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(next);
        Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(next);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
