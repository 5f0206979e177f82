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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.regolancer.orchestrator.ledger.PendingRows;
import org.regolancer.orchestrator.pairing.Pair;

/**
 * The per-run files: a config and a stat CSV of our own for each run, owner-only, in a private folder in RAM
 * ({@code /dev/shm}) where the machine has it, else in the temp folder. File names hold only channel ids and a
 * counter, never anything an alias could shape.
 *
 * <p>The folder's name is fixed per {@code DATA_DIR} (one daemon per DATA_DIR holds its lock), so a daemon that
 * was killed leaves its files where the next start finds them: stat rows not yet in the ledger, and ledger rows
 * that were waiting for a full disk ({@code ledger-pending.csv}). A folder of that name that is not ours (another
 * owner, a symbolic link, open to others) is never used.
 */
public final class RunFiles implements PendingRows {

    static final String PENDING = "ledger-pending.csv";
    /** The pairs resting after failed runs: kept across restarts (not reboots), like waiting ledger rows. */
    public static final String WAITS = "pair-waits.csv";
    private static final Set<String> KEPT = Set.of(PENDING, WAITS);
    private static final String STAT_SUFFIX = ".stat.csv";
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path folder;
    private final AtomicLong counter = new AtomicLong();
    /** The folder was made or checked by us and is still there: not looked at again for every run. */
    private boolean verified;

    public record Run(Path config, Path stat) {
    }

    /** Nothing is created until the first run needs its folder, so a daemon that never runs leaves nothing. */
    public RunFiles(Path base, Path dataDir) {
        this.folder = base.resolve("regolancer-orchestrator-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_")
                + "-" + shortHash(dataDir.toAbsolutePath().normalize().toString()));
    }

    /** {@code /dev/shm} when it is a writable folder (RAM), else {@code java.io.tmpdir}. */
    public static Path defaultBase() {
        Path shm = Paths.get("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Paths.get(System.getProperty("java.io.tmpdir"));
    }

    /**
     * The private folder, created owner-only on first use; refused if someone else's. Checked once: nobody else can
     * replace a folder of ours in /dev/shm (sticky), and we forget the check when we remove it.
     */
    public synchronized Path folder() throws IOException {
        if (verified) {
            return folder;
        }
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        }
        checked();
        verified = true;
        return folder;
    }

    private Path checked() throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                || !ownedByThisProcess(folder)
                || !Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY_DIR)) {
            throw new IOException("refusing to use " + folder + ": not a private folder of this user (remove it)");
        }
        return folder;
    }

    private static boolean ownedByThisProcess(Path path) throws IOException {
        Path self = Path.of("/proc/self");
        if (Files.exists(self)) {
            return Files.getAttribute(self, "unix:uid").equals(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        }
        return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
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
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return stats;
        }
        checked();
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
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        checked();
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

    /** The private folder's path, whether it exists or not (e.g. for {@code check} to look into). */
    public Path folderPath() {
        return folder;
    }

    /** Where ledger rows wait for the disk, if any wait. */
    public Path pendingFile() {
        return folder.resolve(PENDING);
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
        Files.deleteIfExists(folder.resolve(PENDING));
    }

    /** Replaces a file of the folder in one atomic step (owner-only): a reader sees the old text or the new. */
    public synchronized void write(String name, String text) throws IOException {
        Path dir = folder();
        Path next = Files.createTempFile(dir, name + "-", ".tmp", OWNER_ONLY_FILE);
        Files.writeString(next, text, StandardCharsets.UTF_8);
        Files.move(next, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A file of the folder, or "" when there is none. */
    public synchronized String read(String name) throws IOException {
        Path file = folder.resolve(name);
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return "";
        }
        checked();
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
