package org.regolancer.orchestrator.settings;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a {@code DATA_DIR} can be used, judged without writing anything: start-up asks before it creates the folder,
 * {@code check} asks instead of creating it, so both refuse the same folders. Root may "write" to {@code /proc} by the
 * permission bits, yet nothing can be created there: the file system's type and read-only flag are asked too.
 */
public final class DataDirs {

    /** The kernel's own file systems: no file of ours can be created on them, whoever asks. */
    static final Set<String> KERNEL_FILE_SYSTEMS = Set.of("proc", "sysfs", "cgroup", "cgroup2", "debugfs", "tracefs",
            "securityfs", "pstore", "bpf", "configfs", "efivarfs", "fusectl", "binfmt_misc", "mqueue", "devpts",
            "selinuxfs", "nsfs", "rpc_pipefs");

    private DataDirs() {
    }

    /** Why the folder cannot be used (created if missing, written), or empty when it can; writes nothing. */
    public static Optional<String> problem(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return Optional.of("is not a folder");
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String where = existing == null || existing.equals(dir) ? "" : " (" + existing + ")";
        if (existing == null || !Files.isDirectory(existing)) {
            return Optional.of("cannot be created: " + (existing == null ? "no part of it exists" : existing + " is not a folder"));
        }
        try {
            FileStore store = Files.getFileStore(existing);
            if (KERNEL_FILE_SYSTEMS.contains(store.type())) {
                return Optional.of((existing.equals(dir) ? "is" : "would be") + " on the kernel's " + store.type()
                        + " file system" + where + ", where no file can be created");
            }
            if (store.isReadOnly()) {
                return Optional.of((existing.equals(dir) ? "is" : "would be") + " on a read-only file system" + where);
            }
        } catch (IOException | RuntimeException e) {
            // the type cannot be told: the permission bits below decide
        }
        if (!Files.isWritable(existing)) {
            return Optional.of(existing.equals(dir) ? "is not a folder this user can write" : "cannot be created by this user"
                    + where);
        }
        return Optional.empty();
    }

    /**
     * A warning when DATA_DIR was given relative: it then lies in the folder the daemon runs in, which with the
     * launcher is the versioned install folder, left behind at the next upgrade. Empty for an absolute path.
     */
    public static Optional<String> relativeWarning(String written, Path resolved) {
        if (written == null || written.isBlank() || Path.of(written.strip()).isAbsolute()) {
            return Optional.empty();
        }
        return Optional.of("DATA_DIR=" + written.strip() + " is relative: it is " + resolved + ", inside the folder the "
                + "daemon runs in (with the launcher its versioned install folder, which the next upgrade leaves behind)");
    }

    /** What to do about {@link #relativeWarning}. */
    public static final String RELATIVE_TODO = "set DATA_DIR to an absolute path outside the install folder, e.g. "
            + "/var/lib/regolancer-orchestrator (move the files of the old one there)";
}
