package org.regolancer.orchestrator.regolancer;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The run files' folder is used only when it is a private folder of ours: a folder (no symbolic link) owned by this
 * process's user and open to nobody else ({@code rwx------}).
 */
final class PrivateFolder {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateFolder() {
    }

    /** Makes the folder owner-only; one someone else made just now is left for {@link #isOurs} to judge. */
    static void make(Path folder) throws IOException {
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            // made by someone else just now: judged by the caller
        }
    }

    /** The folder, when it is a private folder of ours; else an IOException that says so. */
    static Path checked(Path folder) throws IOException {
        if (!isOurs(folder)) {
            throw new IOException("refusing to use " + folder + ": not a private folder of this user (remove it)");
        }
        return folder;
    }

    static boolean isOurs(Path path) {
        try {
            return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && ownedByThisProcess(path)
                    && Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean ownedByThisProcess(Path path) throws IOException {
        Path self = Path.of("/proc/self");
        if (Files.exists(self)) {
            return Files.getAttribute(self, "unix:uid").equals(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        }
        return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    }
}
