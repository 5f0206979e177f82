package org.regolancer.orchestrator.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DATA_DIR judged without writing: what start-up refuses before creating it, check refuses too. */
class DataDirsTest {

    @TempDir
    Path dir;

    @Test
    void aFolderOnTheKernelsOwnFileSystemIsRefusedEvenForRoot() {
        assertEquals(Optional.of("would be on the kernel's proc file system (/proc), where no file can be created"),
                DataDirs.problem(Path.of("/proc/nope")));
        assertEquals(Optional.of("is on the kernel's proc file system, where no file can be created"),
                DataDirs.problem(Path.of("/proc")));
    }

    @Test
    void aWritableFolderOrOneThatCanBeCreatedPassesAndNothingIsWritten() throws IOException {
        assertEquals(Optional.empty(), DataDirs.problem(dir));
        assertEquals(Optional.empty(), DataDirs.problem(dir.resolve("a/b")));
        assertTrue(Files.notExists(dir.resolve("a")), "nothing created");
        Files.writeString(dir.resolve("file"), "x");
        assertEquals(Optional.of("is not a folder"), DataDirs.problem(dir.resolve("file")));
        assertEquals(Optional.of("cannot be created: " + dir.resolve("file") + " is not a folder"),
                DataDirs.problem(dir.resolve("file/data")));
    }

    @Test
    void aFolderOnAReadOnlyMountIsRefused() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        org.regolancer.orchestrator.fixtures.ReadOnlyMount mount = org.regolancer.orchestrator.fixtures.ReadOnlyMount.of(data);
        org.junit.jupiter.api.Assumptions.assumeTrue(mount != null, "mount --bind is not allowed here");
        try {
            assertEquals(Optional.empty(), DataDirs.problem(data), "writable while mounted read-write");
            assertTrue(mount.readOnly());
            // (Java may not see a bind mount's own read-only flag; the permission check then refuses it)
            assertTrue(DataDirs.problem(data).orElse("").matches("is on a read-only file system|is not a folder this user can write"),
                    DataDirs.problem(data).toString());
            assertTrue(DataDirs.problem(data.resolve("sub")).isPresent(), "nor can one be created in it");
        } finally {
            mount.close();
        }
    }

    @Test
    void aRelativeDataDirIsWarnedAboutAnAbsoluteOneIsNot() {
        assertEquals(Optional.of("DATA_DIR=./data is relative: it is /opt/regolancer-orchestrator-1.0/data, inside the folder "
                + "the daemon runs in (with the launcher its versioned install folder, which the next upgrade leaves behind)"),
                DataDirs.relativeWarning("./data", Path.of("/opt/regolancer-orchestrator-1.0/data")));
        assertEquals(Optional.empty(), DataDirs.relativeWarning("/var/lib/regolancer-orchestrator",
                Path.of("/var/lib/regolancer-orchestrator")));
    }
}
