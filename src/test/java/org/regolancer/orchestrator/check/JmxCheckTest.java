package org.regolancer.orchestrator.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code check}'s remote JMX item: without a fit password file a ✗, with one a ✓.
 */
class JmxCheckTest extends NodeCheckFixture {

    @Test
    void remoteJmxWithoutAPasswordFileIsACrossAndWithOneATick() throws IOException {
        Map<String, String> raw = settings();
        raw.put("JMX_PORT", "9010");
        assertTrue(failure(check(raw, false)).startsWith("✗ JMX_PORT=9010 is set without JMX_PASSWORD_FILE (without one any "
                + "local user could connect): remote JMX on 127.0.0.1:9010 is off; accepted: "));

        Path file = org.regolancer.orchestrator.fixtures.RemoteJmx.passwordFile(dir);
        raw.put("JMX_PASSWORD_FILE", file.toString());
        List<String> lines = text(check(raw, false));
        assertTrue(lines.contains("✓ remote JMX: 127.0.0.1:9010 for the users of JMX_PASSWORD_FILE=" + file
                + " (owner-only), every one read-only"), String.join("\n", lines));

        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(failure(check(raw, false)).startsWith("✗ JMX_PASSWORD_FILE=" + file + " is open to others (rw-r--r--;"));
    }
}
