package org.regolancer.orchestrator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileOpenToOthersIsReplacedByAnOwnerOnlyOneAndNoTempFileStays() throws IOException {
        Path file = dir.resolve("daily-report.sent");
        Files.writeString(file, "2026-11-24\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnlyFiles.replace(file, "2026-11-25 ✓\n");
        assertEquals("2026-11-25 ✓\n", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "only the file itself");
        }
    }

    @Test
    void aLinkPlantedAsTheTempFileIsNotFollowed() throws IOException {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "theirs\n");
        Path file = dir.resolve("notices-pending.jsonl");
        Files.createSymbolicLink(dir.resolve("notices-pending.jsonl.tmp"), elsewhere);
        OwnerOnlyFiles.replace(file, "{\"text\":\"a\"}\n");
        assertEquals("theirs\n", Files.readString(elsewhere), "the link's target untouched");
        assertEquals("{\"text\":\"a\"}\n", Files.readString(file));
        assertFalse(Files.isSymbolicLink(file));
        assertFalse(Files.exists(dir.resolve("notices-pending.jsonl.tmp"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aReplaceThatFailsLeavesTheOldContentAndNoTempFile() throws IOException {
        // the file's name is taken by a folder with something in it: the move cannot replace it
        Path file = dir.resolve("pair-waits.csv");
        Files.createDirectory(file);
        Files.writeString(file.resolve("in-the-way"), "x");
        assertThrows(IOException.class, () -> OwnerOnlyFiles.replace(file, "new\n"));
        assertEquals("x", Files.readString(file.resolve("in-the-way")));
        assertFalse(Files.exists(dir.resolve("pair-waits.csv.tmp"), LinkOption.NOFOLLOW_LINKS), "the temp file removed");
    }
}
