package org.regolancer.orchestrator.settings;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.regolancer.orchestrator.fixtures.ShippedProperties;

/** The shipped application.properties with a user, a password and files that exist: what the settings tests start from. */
abstract class SettingsTestSupport {

    @TempDir
    Path dir;

    Map<String, String> defaults() throws IOException {
        Map<String, String> raw = ShippedProperties.read();
        raw.put("LNDG_USER", "lndg-admin");
        raw.put("LNDG_PASS", "pw");
        raw.put("DATA_DIR", dir.resolve("data").toString());
        raw.put("REGOLANCER_BIN", Path.of("demo/regolancer").toAbsolutePath().toString());
        raw.put("CONFIG_TEMPLATE", Path.of("config.template.json").toAbsolutePath().toString());
        return raw;
    }

    Settings load(Map<String, String> raw) {
        return SettingsLoader.load(raw::get, dir, false);
    }

    String failure(String name, String value) throws IOException {
        Map<String, String> raw = defaults();
        raw.put(name, value);
        return assertThrows(SettingsException.class, () -> load(raw)).getMessage();
    }
}
