package org.regolancer.orchestrator.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code check}'s DATA_DIR item: what start-up would refuse is a ✗.
 */
class DataDirCheckTest extends NodeCheckFixture {

    @Test
    void aDataDirStartUpWouldRefuseIsACrossToo() throws IOException {
        Map<String, String> raw = settings();
        raw.put("DATA_DIR", "/proc/nope");
        String line = failure(check(raw, false));
        assertTrue(line.startsWith("✗ DATA_DIR=/proc/nope would be on the kernel's proc file system (/proc), where no file can "
                + "be created"), line);
    }
}
