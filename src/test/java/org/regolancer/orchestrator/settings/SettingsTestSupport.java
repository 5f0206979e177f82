package org.regolancer.orchestrator.settings;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;

/** The shipped application.properties with a user, a password and files that exist: what the settings tests start from. */
abstract class SettingsTestSupport {

    @TempDir
    Path dir;

    Map<String, String> defaults() throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("application.properties"), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        Map<String, String> raw = new HashMap<>();
        p.stringPropertyNames().forEach(k -> raw.put(k, p.getProperty(k)));
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
