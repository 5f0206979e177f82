package org.regolancer.orchestrator.regolancer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.regolancer.orchestrator.pairing.Pair;

/**
 * The per-run files: a config and a stat CSV of our own for each run, owner-only, in a private folder in RAM
 * ({@code /dev/shm}) where the machine has it, else in the temp folder. File names hold only channel ids and a
 * counter, never anything an alias could shape.
 */
public final class RunFiles {

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private final Path base;
    private Path folder;
    private final AtomicLong counter = new AtomicLong();

    public record Run(Path config, Path stat) {
    }

    /** Nothing is created until the first run needs its folder, so a daemon that never runs leaves nothing. */
    public RunFiles(Path base) {
        this.base = base;
    }

    /** {@code /dev/shm} when it is a writable folder (RAM), else {@code java.io.tmpdir}. */
    public static Path defaultBase() {
        Path shm = Paths.get("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Paths.get(System.getProperty("java.io.tmpdir"));
    }

    /** The private folder, created on first use. */
    public synchronized Path folder() throws IOException {
        if (folder == null) {
            folder = Files.createTempDirectory(base, "regolancer-orchestrator-", OWNER_ONLY_DIR);
        }
        return folder;
    }

    /** Names this run's files; nothing is written yet. */
    public Run name(Pair pair) throws IOException {
        String stem = pair.source().id() + "-" + pair.target().id() + "-" + counter.incrementAndGet();
        Path dir = folder();
        return new Run(dir.resolve(stem + ".json"), dir.resolve(stem + ".stat.csv"));
    }

    public void writeConfig(Run run, String json) throws IOException {
        Files.createFile(run.config(), OWNER_ONLY_FILE);
        Files.writeString(run.config(), json, StandardCharsets.UTF_8);
    }

    public List<String> statLines(Run run) throws IOException {
        return Files.exists(run.stat()) ? Files.readAllLines(run.stat(), StandardCharsets.UTF_8) : List.of();
    }

    public void delete(Run run) throws IOException {
        Files.deleteIfExists(run.config());
        Files.deleteIfExists(run.stat());
    }

    /** Removes the folder and anything left in it. */
    public synchronized void deleteAll() throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
