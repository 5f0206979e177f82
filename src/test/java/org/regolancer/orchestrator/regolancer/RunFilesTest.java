package org.regolancer.orchestrator.regolancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.channel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regolancer.orchestrator.pairing.Pair;

class RunFilesTest {

    @TempDir
    Path dir;
    /** The RAM (as /dev/shm: shared by every user) and DATA_DIR. */
    Path base;
    Path data;

    private final Pair pair = new Pair(
            channel("905399447106748416", "02" + "a".repeat(64), 1_000_000, 900_000, 100_000, 0, 0, false, 90, 75),
            channel("893182773332606977", "03" + "b".repeat(64), 1_000_000, 50_000, 950_000, 0, 0, true, 90, 75));

    @BeforeEach
    void folders() throws Exception {
        base = Files.createDirectory(dir.resolve("shm"));
        data = Files.createDirectory(dir.resolve("data"));
    }

    private static List<Path> list(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /** The name the versions before this one gave the folder: fixed per user and DATA_DIR. */
    private Path oldName() throws Exception {
        return new RunFiles(base, data).folderPath();
    }

    @Test
    void configsAreOwnerOnlyInAPrivateFolderAndGoneAfterTheRun() throws Exception {
        RunFiles files = new RunFiles(base, data);
        files.settle();
        assertEquals(List.of(), list(base), "no folder before the first run");
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
        RunFiles files = new RunFiles(base, data);
        assertFalse(files.name(pair).config().equals(files.name(pair).config()));
    }

    @Test
    void theNameIsRandomMadeOnceAndKeptInDataDirSoTheNextStartFindsWhatAKilledDaemonLeft() throws Exception {
        Path old = oldName();
        RunFiles first = new RunFiles(base, data);
        first.settle();
        Path killed = first.folder();
        assertTrue(killed.getFileName().toString().matches("regolancer-orchestrator-[0-9a-f]{32}"), killed.toString());
        assertNotEquals(old, killed, "not the name anyone could work out beforehand");
        assertEquals(killed.getFileName() + "\n", Files.readString(data.resolve(RunFiles.NAME_FILE)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(RunFiles.NAME_FILE))));

        RunFiles next = new RunFiles(base, dir.resolve("data/."));
        next.settle();
        assertEquals(killed, next.folder(), "the next start, the same folder");
        Path other = Files.createDirectory(dir.resolve("other"));
        RunFiles another = new RunFiles(base, other);
        another.settle();
        assertNotEquals(killed, another.folder(), "another DATA_DIR, another folder");
    }

    @Test
    void leftoverStatFilesOfAKilledDaemonAreFoundAndRemovedButWaitingLedgerRowsStay() throws Exception {
        RunFiles killed = new RunFiles(base, data);
        killed.settle();
        RunFiles.Run run = killed.name(pair);
        killed.writeConfig(run, "{}");
        Files.writeString(run.stat(), StatFile.HEADER + "\n1764055200,1,2,1000,1\n");
        killed.keep("row\r\n");

        RunFiles next = new RunFiles(base, data);
        next.settle();
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
    void theFirstStartAfterTheUpgradeMovesTheOldFolderOver() throws Exception {
        Path old = Files.createDirectory(oldName(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(old.resolve(RunFiles.WAITS), "waits\n");
        Files.writeString(old.resolve("1-2-7.stat.csv"), StatFile.HEADER + "\n1764055200,1,2,1000,1\n");
        RunFiles check = new RunFiles(base, data);
        assertEquals("waits\n", check.read(RunFiles.WAITS), "check, before the upgraded daemon started, reads the old one");
        assertFalse(Files.exists(data.resolve(RunFiles.NAME_FILE)), "and writes nothing");

        RunFiles upgraded = new RunFiles(base, data);
        upgraded.settle();
        assertFalse(Files.exists(old), "moved");
        assertEquals("waits\n", upgraded.read(RunFiles.WAITS), "the pairs' waits found under the new name");
        assertEquals(List.of(List.of(StatFile.HEADER, "1764055200,1,2,1000,1")), upgraded.leftoverStatFiles());
        assertEquals(upgraded.folderPath().getFileName() + "\n", Files.readString(data.resolve(RunFiles.NAME_FILE)));
    }

    @Test
    void anotherUserMakingTheOldNameFirstNoLongerStopsTheRuns() throws Exception {
        Path planted = Files.createDirectory(oldName());
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));
        RunFiles files = new RunFiles(base, data);
        files.settle();
        RunFiles.Run run = files.name(pair);
        files.writeConfig(run, "{}");
        assertTrue(Files.exists(run.config()), "the run has its config");
        assertNotEquals(planted, files.folder());
        assertEquals(List.of(), list(planted), "the planted folder is left alone, and empty");
    }

    @Test
    void aFolderOfTheKeptNameThatIsNotOursIsNeverUsedANewNameIsTaken() throws Exception {
        RunFiles before = new RunFiles(base, data);
        before.settle();
        Path seen = before.folderPath();
        // after a reboot /dev/shm is empty: someone who saw the name makes it first, open to all
        Files.createDirectory(seen);
        Files.setPosixFilePermissions(seen, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(seen.resolve(RunFiles.WAITS), "planted\n");

        RunFiles next = new RunFiles(base, data);
        next.settle();
        assertEquals("", next.read(RunFiles.WAITS), "nothing is read from it");
        Path used = next.folder();
        assertNotEquals(seen, used);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(used)));
        assertEquals(used.getFileName() + "\n", Files.readString(data.resolve(RunFiles.NAME_FILE)), "the new name is kept");
        next.keep("row\r\n");
        assertEquals(List.of(seen.resolve(RunFiles.WAITS)), list(seen), "nothing written into it");
    }

    @Test
    void aSymbolicLinkOfTheKeptNameIsNeverFollowed() throws Exception {
        RunFiles before = new RunFiles(base, data);
        before.settle();
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createSymbolicLink(before.folderPath(), elsewhere);
        RunFiles files = new RunFiles(base, data);
        assertThrows(java.io.IOException.class, files::leftoverStatFiles, "not read before the daemon settled its name");
        files.keep("row\r\n");
        assertNotEquals(before.folderPath(), files.folder());
        assertEquals(List.of(), list(elsewhere), "nothing written through the link");
    }

    @Test
    void aDataDirThatRefusesTheNameCostsTheNameNotTheRuns() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "");
        RunFiles files = new RunFiles(base, notAFolder.resolve("data"));
        files.settle();
        RunFiles.Run run = files.name(pair);
        files.writeConfig(run, "{}");
        assertTrue(Files.exists(run.config()));
    }

    @Test
    void aFolderACleanerRemovedIsMadeAgain() throws Exception {
        RunFiles files = new RunFiles(base, data);
        Path folder = files.folder();
        Files.delete(folder);
        files.writeConfig(files.name(pair), "{}");
        assertEquals(folder, files.folder(), "the same name, made again");
        assertEquals(1, list(folder).size());
    }

    @Test
    void prefersRamWhereTheMachineHasIt() {
        Path chosen = RunFiles.defaultBase();
        assertTrue(chosen.equals(Path.of("/dev/shm")) || !Files.isWritable(Path.of("/dev/shm")), chosen.toString());
    }
}
