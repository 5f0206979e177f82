package org.regolancer.orchestrator.regolancer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.regolancer.orchestrator.ops.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run files' folder's name: random ({@code regolancer-orchestrator-} and 32 hex digits), kept in
 * {@code DATA_DIR/.ramdir}; and the fixed name of the versions before it was kept.
 */
final class FolderName {

    private static final Logger LOG = LoggerFactory.getLogger(RunFiles.class);
    private static final Pattern NAME = Pattern.compile("regolancer-orchestrator-[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path nameFile;

    FolderName(Path nameFile) {
        this.nameFile = nameFile;
    }

    /** The name DATA_DIR/.ramdir holds, or null (none yet, or not one we made). */
    String kept() {
        try {
            if (!Files.isRegularFile(nameFile, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            String name = Files.readString(nameFile, StandardCharsets.UTF_8).strip();
            return NAME.matcher(name).matches() ? name : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes the folder's name to DATA_DIR/.ramdir (owner-only, in one step); false, said in the log, when it cannot. */
    boolean keep(Path named) {
        try {
            OwnerOnlyFiles.replace(nameFile, named.getFileName() + "\n");
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("{} cannot be written ({}): the RAM folder {} is this run's only, a restart will not find what it holds",
                    nameFile, e.getMessage(), named);
            return false;
        }
    }

    static String fresh() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return "regolancer-orchestrator-" + HexFormat.of().formatHex(random);
    }

    /** The fixed name per user and DATA_DIR of the versions before the name was kept. */
    static String oldName(Path dataDir) {
        return "regolancer-orchestrator-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_") + "-"
                + shortHash(dataDir.toString());
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
