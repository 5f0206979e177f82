package org.regolancer.orchestrator.regolancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.channel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regolancer.orchestrator.pairing.Pair;

class RunFilesTest {

    @TempDir
    Path base;

    private final Pair pair = new Pair(
            channel("905399447106748416", "02" + "a".repeat(64), 1_000_000, 900_000, 100_000, 0, 0, false, 90, 75),
            channel("893182773332606977", "03" + "b".repeat(64), 1_000_000, 50_000, 950_000, 0, 0, true, 90, 75));

    @Test
    void configsAreOwnerOnlyInAPrivateFolderAndGoneAfterTheRun() throws Exception {
        RunFiles files = new RunFiles(base);
        try (var nothing = Files.list(base)) {
            assertEquals(0, nothing.count(), "nothing created before the first run");
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.folder())));
        RunFiles.Run run = files.name(pair);
        files.writeConfig(run, "{\"amount\":1}");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.config())));
        assertEquals("905399447106748416-893182773332606977-1.json", run.config().getFileName().toString(),
                "only channel ids and a counter in the name");
        Files.writeString(run.stat(), StatFile.HEADER + "\n1764055200,1,2,1000,1\n");
        assertEquals(2, files.statLines(run).size());

        files.delete(run);
        assertFalse(Files.exists(run.config()) || Files.exists(run.stat()));
        files.deleteAll();
        assertFalse(Files.exists(files.folder()));
    }

    @Test
    void twoRunsOfOnePairNeverShareAFile() throws Exception {
        RunFiles files = new RunFiles(base);
        assertFalse(files.name(pair).config().equals(files.name(pair).config()));
    }

    @Test
    void prefersRamWhereTheMachineHasIt() {
        Path chosen = RunFiles.defaultBase();
        assertTrue(chosen.equals(Path.of("/dev/shm")) || !Files.isWritable(Path.of("/dev/shm")), chosen.toString());
    }
}
