package org.regolancer.orchestrator.regolancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.channel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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
        RunFiles files = new RunFiles(base, base.resolve("data"));
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
        assertFalse(Files.exists(files.pendingFile().getParent()));
    }

    @Test
    void twoRunsOfOnePairNeverShareAFile() throws Exception {
        RunFiles files = new RunFiles(base, base.resolve("data"));
        assertFalse(files.name(pair).config().equals(files.name(pair).config()));
    }

    @Test
    void theFolderIsTheSameForOneDataDirSoTheNextStartFindsWhatAKilledDaemonLeft() throws Exception {
        Path killed = new RunFiles(base, base.resolve("data")).folder();
        assertEquals(killed, new RunFiles(base, base.resolve("data/.")).folder());
        assertFalse(killed.equals(new RunFiles(base, base.resolve("other")).folder()), "another DATA_DIR, another folder");
    }

    @Test
    void leftoverStatFilesOfAKilledDaemonAreFoundAndRemovedButWaitingLedgerRowsStay() throws Exception {
        RunFiles killed = new RunFiles(base, base.resolve("data"));
        RunFiles.Run run = killed.name(pair);
        killed.writeConfig(run, "{}");
        Files.writeString(run.stat(), StatFile.HEADER + "\n1764055200,1,2,1000,1\n");
        killed.keep("row\r\n");

        RunFiles next = new RunFiles(base, base.resolve("data"));
        assertEquals(List.of(List.of(StatFile.HEADER, "1764055200,1,2,1000,1")), next.leftoverStatFiles());
        assertEquals("row\r\n", next.load());
        next.deleteAll();
        assertEquals(List.of(), next.leftoverStatFiles());
        assertFalse(Files.exists(run.config()));
        assertEquals("row\r\n", next.load(), "rows waiting for the disk outlive the daemon");
        next.clear();
        next.deleteAll();
        assertFalse(Files.exists(next.pendingFile().getParent()), "nothing left once nothing waits");
    }

    @Test
    void aFolderOfThatNameOpenToOthersIsNeverUsed() throws Exception {
        RunFiles files = new RunFiles(base, base.resolve("data"));
        Path planted = files.pendingFile().getParent();
        Files.createDirectory(planted, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThrows(java.io.IOException.class, files::folder);
        assertThrows(java.io.IOException.class, files::leftoverStatFiles);
    }

    @Test
    void aSymbolicLinkOfThatNameIsNeverFollowed() throws Exception {
        RunFiles files = new RunFiles(base, base.resolve("data"));
        Path elsewhere = Files.createDirectory(base.resolve("elsewhere"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createSymbolicLink(files.pendingFile().getParent(), elsewhere);
        assertThrows(java.io.IOException.class, files::folder);
        assertThrows(java.io.IOException.class, () -> files.keep("row\r\n"));
        assertFalse(Files.exists(elsewhere.resolve("ledger-pending.csv")));
    }

    @Test
    void prefersRamWhereTheMachineHasIt() {
        Path chosen = RunFiles.defaultBase();
        assertTrue(chosen.equals(Path.of("/dev/shm")) || !Files.isWritable(Path.of("/dev/shm")), chosen.toString());
    }
}
