package org.regolancer.orchestrator.regolancer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.regolancer.orchestrator.ledger.PendingRows;
import org.regolancer.orchestrator.ops.OwnerOnlyFiles;
import org.regolancer.orchestrator.pairing.Pair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-run files: a config and a stat CSV of our own for each run, owner-only, in a private folder in RAM
 * ({@code /dev/shm}) where the machine has it, else in the temp folder. File names hold only channel ids and a
 * counter, never anything an alias could shape.
 *
 * <p>The folder's name is random ({@code regolancer-orchestrator-} and 32 hex digits), made once and kept in
 * {@code DATA_DIR/.ramdir} (one daemon per DATA_DIR holds its lock), so a daemon that was killed leaves its files where
 * the next start finds them: stat rows not yet in the ledger, ledger rows that were waiting for a full disk
 * ({@code ledger-pending.csv}) and the pairs' waits. Another local user cannot know the name before it exists, so
 * cannot make a folder of that name first; one who does it later (having seen it in {@code /dev/shm}, after a reboot)
 * only makes the daemon take a new name. A folder of that name that is not ours (another owner, a symbolic link, open
 * to others) is never used. Before this name was kept, the folder's name was fixed per user and DATA_DIR
 * ({@code regolancer-orchestrator-<user>-<hash of DATA_DIR>}): the first start after the upgrade moves that folder,
 * when it is a private folder of ours, to the new name.
 */
public final class RunFiles implements PendingRows {

    private static final Logger LOG = LoggerFactory.getLogger(RunFiles.class);
    static final String PENDING = "ledger-pending.csv";
    /** The pairs resting after failed runs: kept across restarts (not reboots), like waiting ledger rows. */
    public static final String WAITS = "pair-waits.csv";
    /** In DATA_DIR: the RAM folder's name. */
    public static final String NAME_FILE = ".ramdir";
    private static final Set<String> KEPT = Set.of(PENDING, WAITS);
    private static final String STAT_SUFFIX = ".stat.csv";
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path base;
    private final FolderName folderName;
    /** The fixed name of the versions before the name was kept: moved over once, never made. */
    private final Path oldFolder;
    /** Null until settled (the daemon's start, or the first write). */
    private Path folder;
    private final AtomicLong counter = new AtomicLong();
    /** The folder was made or checked by us and is still there: not looked at again for every run. */
    private boolean verified;

    public record Run(Path config, Path stat) {
    }

    /** Nothing is created until the first run needs its folder, so a daemon that never runs leaves nothing. */
    public RunFiles(Path base, Path dataDir) {
        this.base = base;
        Path data = dataDir.toAbsolutePath().normalize();
        this.folderName = new FolderName(data.resolve(NAME_FILE));
        this.oldFolder = base.resolve(FolderName.oldName(data));
    }

    /** {@code /dev/shm} when it is a writable folder (RAM), else {@code java.io.tmpdir}. */
    public static Path defaultBase() {
        Path shm = Paths.get("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Paths.get(System.getProperty("java.io.tmpdir"));
    }

    /**
     * The daemon's start: the folder's name from {@code DATA_DIR/.ramdir}, or a new random one kept there (the first
     * start after the upgrade moves the old fixed-name folder to it, when that is a private folder of ours). A folder
     * of the kept name that someone else made is left alone: a new name is taken. Makes no folder; writes
     * {@code .ramdir} only when it holds no usable name. A DATA_DIR that refuses the file costs a log line: the name is
     * then this process's only (and the old folder stays where it is).
     */
    public synchronized void settle() {
        if (folder != null) {
            return;
        }
        String kept = folderName.kept();
        if (kept != null) {
            folder = base.resolve(kept);
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !PrivateFolder.isOurs(folder)) {
                takeAnotherName();
            }
            return;
        }
        Path next = base.resolve(FolderName.fresh());
        if (!folderName.keep(next)) {
            folder = PrivateFolder.isOurs(oldFolder) ? oldFolder : next;
            return;
        }
        folder = next;
        if (PrivateFolder.isOurs(oldFolder)) {
            try {
                Files.move(oldFolder, next, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                LOG.warn("{} could not be moved to {} ({}): what it holds is not used", oldFolder, next, e.getMessage());
            }
        }
    }

    /**
     * The private folder, created owner-only on first use; one someone else made under its name is never used (a new
     * name is taken). Checked once, and made again if it went (a cleaner removed it): nobody else can replace a folder
     * of ours in /dev/shm (sticky), and we forget the check when we remove it.
     */
    public synchronized Path folder() throws IOException {
        if (verified && folder.toFile().isDirectory()) {
            return folder;
        }
        settle();
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            PrivateFolder.make(folder);
        }
        if (!PrivateFolder.isOurs(folder)) {
            takeAnotherName();
            PrivateFolder.make(folder);
        }
        PrivateFolder.checked(folder);
        verified = true;
        return folder;
    }

    /** The folder's name is taken by someone else: a new random one, kept in DATA_DIR/.ramdir. */
    private void takeAnotherName() {
        Path taken = folder;
        folder = base.resolve(FolderName.fresh());
        folderName.keep(folder);
        LOG.warn("{} is not a private folder of this user (someone else made it; it is left alone): the run files go to {}",
                taken, folder);
    }

    /** Names this run's files; nothing is written yet. */
    public Run name(Pair pair) throws IOException {
        Path dir = folder();
        while (true) {
            String stem = pair.source().id() + "-" + pair.target().id() + "-" + counter.incrementAndGet();
            Run run = new Run(dir.resolve(stem + ".json"), dir.resolve(stem + STAT_SUFFIX));
            // java.io's checks: NIO's throw (and fill in) an exception for every file that is not there, i.e. every run
            if (!run.config().toFile().exists() && !run.stat().toFile().exists()) {
                return run;
            }
        }
    }

    public void writeConfig(Run run, String json) throws IOException {
        Files.createFile(run.config(), OWNER_ONLY_FILE);
        Files.writeString(run.config(), json, StandardCharsets.UTF_8);
    }

    public List<String> statLines(Run run) throws IOException {
        return statLines(run.stat());
    }

    /** A stat file's lines; none when regolancer wrote none (the usual: no payment). Only we write in the folder. */
    private static List<String> statLines(Path stat) throws IOException {
        return stat.toFile().isFile() ? Files.readAllLines(stat, StandardCharsets.UTF_8) : List.of();
    }

    /** Removes the config only: a stat file whose payments were not taken in stays for the next start. */
    public void deleteConfig(Run run) throws IOException {
        Files.deleteIfExists(run.config());
    }

    public void delete(Run run) throws IOException {
        Files.deleteIfExists(run.config());
        Files.deleteIfExists(run.stat());
    }

    /** The stat files an earlier, killed daemon left behind, each with its lines. */
    public synchronized List<List<String>> leftoverStatFiles() throws IOException {
        List<List<String>> stats = new ArrayList<>();
        Path folder = folderPath();
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return stats;
        }
        PrivateFolder.checked(folder);
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(STAT_SUFFIX)).sorted().toList()) {
                stats.add(statLines(path));
            }
        }
        return stats;
    }

    /**
     * Removes the folder and everything in it but the files kept across restarts (ledger rows still waiting for the
     * disk, the pairs' waits); the folder stays while one of those is in it.
     */
    public synchronized void deleteAll() throws IOException {
        Path folder = folderPath();
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PrivateFolder.checked(folder);
        verified = false;
        boolean keepFolder = false;
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (path.getParent() != null && path.getParent().equals(folder)
                        && KEPT.contains(path.getFileName().toString())) {
                    keepFolder = true;
                } else if (!(path.equals(folder) && keepFolder)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /**
     * The private folder's path, whether it exists or not, creating nothing (e.g. for {@code check} to look into): the
     * name kept in DATA_DIR/.ramdir, or, before the first start of a version that keeps it, the old fixed name.
     */
    public synchronized Path folderPath() {
        if (folder != null) {
            return folder;
        }
        String kept = folderName.kept();
        return kept != null ? base.resolve(kept) : oldFolder;
    }

    /** Where ledger rows wait for the disk, if any wait. */
    public Path pendingFile() {
        return folderPath().resolve(PENDING);
    }

    @Override
    public void keep(String csv) throws IOException {
        write(PENDING, csv);
    }

    @Override
    public String load() throws IOException {
        return read(PENDING);
    }

    @Override
    public synchronized void clear() throws IOException {
        Files.deleteIfExists(folderPath().resolve(PENDING));
    }

    /** Replaces a file of the folder in one atomic step (owner-only): a reader sees the old text or the new. */
    public synchronized void write(String name, String text) throws IOException {
        OwnerOnlyFiles.replace(folder().resolve(name), text);
    }

    /** A file of the folder, or "" when there is none. */
    public synchronized String read(String name) throws IOException {
        Path folder = folderPath();
        Path file = folder.resolve(name);
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return "";
        }
        PrivateFolder.checked(folder);
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
