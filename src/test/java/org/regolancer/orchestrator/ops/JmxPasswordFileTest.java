package org.regolancer.orchestrator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmxPasswordFileTest {

    @TempDir
    Path dir;

    private Path file(String text, String mode) throws Exception {
        Path file = dir.resolve("jmx.password");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private static String problem(Path file) {
        String problem = JmxPasswordFile.problem(9010, file).orElseThrow();
        assertTrue(problem.endsWith(": remote JMX on 127.0.0.1:9010 is off; " + JmxPasswordFile.ACCEPTED), problem);
        assertTrue(!problem.contains("\n"), "one line: " + problem);
        return problem;
    }

    @Test
    void anOwnerOnlyFileWithARoleIsFit() throws Exception {
        assertEquals(Optional.empty(), JmxPasswordFile.problem(9010, file("# monitoring\nmonitor s3cret\n", "rw-------")));
        assertEquals(Optional.empty(), JmxPasswordFile.problem(9010, file("monitor " + "A".repeat(88) + " " + "B".repeat(88)
                + " SHA3-512\n", "r--------")), "a hashed line in the JDK's format");
    }

    @Test
    void withoutAFileRemoteJmxIsOffAndTheLineNamesBothSettings() {
        assertTrue(problem(null).startsWith("JMX_PORT=9010 is set without JMX_PASSWORD_FILE"));
    }

    @Test
    void aFileOthersCanReadOrWriteIsRefusedAsTheJdkRefusesIt() throws Exception {
        for (String mode : new String[] {"rw-r-----", "rw----r--", "rw-----w-", "rwx-----x"}) {
            String problem = problem(file("monitor s3cret\n", mode));
            assertTrue(problem.startsWith("JMX_PASSWORD_FILE=" + dir.resolve("jmx.password") + " is open to others (" + mode),
                    problem);
            assertTrue(!problem.contains("s3cret"), "never the password: " + problem);
        }
    }

    @Test
    void aFileWithoutARoleAMissingFileAndAFolderAreRefused() throws Exception {
        assertTrue(problem(file("# nothing yet\n\nmonitor\n", "rw-------")).contains(" holds no `role password` line"));
        assertTrue(problem(dir.resolve("missing")).contains(" does not exist"));
        assertTrue(problem(dir).contains(" is not a file"));
    }

    @Test
    void aFileAnotherUserOwnsIsRefused() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file away");
        Path file = file("monitor s3cret\n", "rw-------");
        Files.setOwner(file, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertTrue(problem(file).contains(" is owned by nobody, not by the daemon's user"));
    }
}
