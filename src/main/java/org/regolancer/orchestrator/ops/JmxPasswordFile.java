package org.regolancer.orchestrator.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether remote JMX may start: only with {@code JMX_PASSWORD_FILE}, a file in the JDK's format ({@code role password}
 * lines; a hashed {@code role salt hash [algorithm]} line too), owned by the daemon's user and open to nobody else
 * (the JDK's own agent refuses a password file others can read; we also refuse one another user owns, who could
 * change it). Anything else is one line saying what is wrong and what is accepted; remote JMX then stays off.
 */
public final class JmxPasswordFile {

    static final String ACCEPTED = "accepted: JMX_PASSWORD_FILE naming a file of `role password` lines, owned by the "
            + "daemon's user and readable by it alone (chmod 600), or JMX_PORT=0";
    private static final Set<PosixFilePermission> OTHERS = EnumSet.complementOf(EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

    private JmxPasswordFile() {
    }

    /** What keeps remote JMX on this port from starting with this file (null: not set), or empty when nothing does. */
    public static Optional<String> problem(int port, Path file) {
        String off = "remote JMX on 127.0.0.1:" + port + " is off; " + ACCEPTED;
        if (file == null) {
            return Optional.of("JMX_PORT=" + port + " is set without JMX_PASSWORD_FILE (without one any local user "
                    + "could connect): " + off);
        }
        String named = "JMX_PASSWORD_FILE=" + file;
        try {
            if (!Files.exists(file)) {
                return Optional.of(named + " does not exist: " + off);
            }
            if (!Files.isRegularFile(file)) {
                return Optional.of(named + " is not a file: " + off);
            }
            if (!ownedByThisProcess(file)) {
                return Optional.of(named + " is owned by " + Files.getOwner(file).getName() + ", not by the daemon's user: "
                        + off);
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                return Optional.of(named + " is open to others (" + PosixFilePermissions.toString(permissions)
                        + "; the JDK's own JMX agent refuses such a file too): " + off);
            }
            if (!Files.isReadable(file)) {
                return Optional.of(named + " cannot be read by the daemon's user: " + off);
            }
            boolean anyRole = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+").length).anyMatch(tokens -> tokens >= 2 && tokens <= 4);
            if (!anyRole) {
                return Optional.of(named + " holds no `role password` line: " + off);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of(named + " cannot be read (" + ErrorLog.describe(e) + "): " + off);
        }
        return Optional.empty();
    }

    private static boolean ownedByThisProcess(Path file) throws IOException {
        Path self = Path.of("/proc/self");
        if (Files.exists(self)) {
            return Files.getAttribute(self, "unix:uid").equals(Files.getAttribute(file, "unix:uid"));
        }
        return Files.getOwner(file).getName().equals(System.getProperty("user.name"));
    }
}
