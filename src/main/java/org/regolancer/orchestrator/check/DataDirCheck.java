package org.regolancer.orchestrator.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.regolancer.orchestrator.settings.DataDirs;
import org.regolancer.orchestrator.settings.Settings;

/** DATA_DIR: would start-up take it, how much room it has, whether a daemon holds it now; nothing written to find out. */
final class DataDirCheck {

    private final Settings settings;
    private final String dataDirAsWritten;
    private final CheckReport report;

    /** @param dataDirAsWritten DATA_DIR as the settings give it (a relative one is warned about), or null */
    DataDirCheck(Settings settings, String dataDirAsWritten, CheckReport report) {
        this.settings = settings;
        this.dataDirAsWritten = dataDirAsWritten;
        this.report = report;
    }

    void run() {
        Path dir = settings.files().dataDir();
        // what start-up asks before it creates the folder (nothing written here)
        Optional<String> problem = DataDirs.problem(dir);
        if (problem.isPresent()) {
            report.fail("DATA_DIR=" + dir + " " + problem.get(),
                    "create it for the service user: sudo install -d -o lnd -g lnd -m 700 " + dir);
            return;
        }
        Path existing = dir;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        String free;
        try {
            free = String.format(Locale.ROOT, "%.1f GB free", existing.getFileSystem().provider().getFileStore(existing)
                    .getUsableSpace() / 1e9);
        } catch (IOException e) {
            free = "free space unknown";
        }
        report.pass("DATA_DIR=" + dir + (existing.equals(dir) ? " is writable" : " will be created (its parent is writable)")
                + ", " + free + runningDaemon(dir.resolve(".lock")));
        if (!settings.demo()) {
            DataDirs.relativeWarning(dataDirAsWritten, dir).ifPresent(warning -> report.info(warning, DataDirs.RELATIVE_TODO));
        }
    }

    /** Whether a daemon holds DATA_DIR/.lock now, read from /proc/locks (nothing is locked or written to find out). */
    static String runningDaemon(Path lock) {
        try {
            if (!Files.exists(lock, LinkOption.NOFOLLOW_LINKS) || !Files.exists(Path.of("/proc/locks"))) {
                return "; no daemon holds it now";
            }
            long inode = ((Number) Files.getAttribute(lock, "unix:ino")).longValue();
            for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
                String[] f = line.trim().split("\\s+");
                // "1: POSIX  ADVISORY  WRITE 4242 08:01:1234567 0 EOF" (may carry a "->" marker after the number)
                for (int i = 0; i + 1 < f.length; i++) {
                    if (f[i + 1].matches("[0-9a-f]+:[0-9a-f]+:\\d+") && f[i + 1].endsWith(":" + inode)) {
                        return "; a running daemon (pid " + f[i] + ") holds it now";
                    }
                }
            }
            return "; no daemon holds it now";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
