package org.regolancer.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regolancer.orchestrator.settings.SettingsException;

class RawSettingsTest {

    @TempDir
    Path dir;

    @Test
    void environmentBeatsDotenvWhichBeatsApplicationProperties() throws Exception {
        Files.writeString(dir.resolve("application.properties"),
                "MAX_WORKERS=2\nSLEEP_SECONDS=5\nLNDG_PASS=\nLNDG_USER=\nRUN_FOREVER=true\ncamel.main.name=x\n");
        Files.writeString(dir.resolve(".env"), "# my node\nMAX_WORKERS=3 # three is enough\nSLEEP_SECONDS=7\n"
                + "LNDG_PASS=\"p w # not a comment\"\nLNDG_USER='lndg-admin'\nexport TELEGRAM_TOKEN=123:ab#cd\n");
        Map<String, String> raw = RawSettings.load(dir, null, Map.of("MAX_WORKERS", "4", "UNRELATED", "x"));
        assertEquals("4", raw.get("MAX_WORKERS"), "the environment wins");
        assertEquals("7", raw.get("SLEEP_SECONDS"), ".env over the defaults");
        assertEquals("true", raw.get("RUN_FOREVER"), "the default stays");
        assertEquals("p w # not a comment", raw.get("LNDG_PASS"), "quoted: spaces and # kept");
        assertEquals("lndg-admin", raw.get("LNDG_USER"), "single quotes stripped, as python-dotenv does");
        assertEquals("123:ab#cd", raw.get("TELEGRAM_TOKEN"), "export and a # inside a value, as python-dotenv reads them");
        assertFalse(raw.containsKey("camel.main.name"), "Camel's own keys are not settings");
        assertFalse(raw.containsKey("UNRELATED"));
    }

    @Test
    void theDemoProfileWinsOverDotenvAndTheEnvironment() throws Exception {
        Files.writeString(dir.resolve("application.properties"), "DATA_DIR=./data\nMAX_WORKERS=2\n");
        Files.writeString(dir.resolve("application-demo.properties"), "DATA_DIR=./demo/data\n");
        Files.writeString(dir.resolve(".env"), "DATA_DIR=/var/lib/real-node\n");
        Map<String, String> raw = RawSettings.load(dir, "demo", Map.of("DATA_DIR", "/srv/real"));
        assertEquals("./demo/data", raw.get("DATA_DIR"), "a demo never writes into a real ledger");
        assertEquals("2", raw.get("MAX_WORKERS"));
    }

    @Test
    void theDemosPaceIsItsOwnOverDotenvButTheEnvironmentMaySetIt() throws Exception {
        Files.writeString(dir.resolve("application.properties"), "RETRY_WAIT_MINUTES=30\nRANDOMIZE_PAIRS=true\n");
        Files.writeString(dir.resolve("application-demo.properties"), "RETRY_WAIT_MINUTES=1\nRANDOMIZE_PAIRS=false\n");
        Files.writeString(dir.resolve(".env"), "RETRY_WAIT_MINUTES=45\nRANDOMIZE_PAIRS=true\n");
        Map<String, String> raw = RawSettings.load(dir, "demo", Map.of("RETRY_WAIT_MINUTES", "0"));
        assertEquals("0", raw.get("RETRY_WAIT_MINUTES"), "a test's own waits");
        assertEquals("false", raw.get("RANDOMIZE_PAIRS"), "the demo's over an operator's .env");
    }

    @Test
    void aMalformedDotenvNamesTheLineButNotItsContent() throws Exception {
        Files.writeString(dir.resolve("application.properties"), "LNDG_PASS=\n");
        Files.writeString(dir.resolve(".env"), "LNDG_USER=a\nthis line leaks hunter2\n");
        String message = assertThrows(SettingsException.class, () -> RawSettings.load(dir, null, Map.of())).getMessage();
        assertTrue(message.contains("line 2"), message);
        assertFalse(message.contains("hunter2"), message);
    }

    @Test
    void anOlderApplicationPropertiesGetsNewSettingsFromTheJar() throws Exception {
        Files.writeString(dir.resolve("application.properties"), "MAX_WORKERS=3\n");
        Map<String, String> raw = RawSettings.load(dir, null, Map.of());
        assertEquals("3", raw.get("MAX_WORKERS"), "the operator's file wins");
        assertEquals("0", raw.get("JMX_PORT"), "a setting the file does not know comes with its default");
        assertEquals("0 59 23 * * ?", raw.get("REPORT_CRON"));
    }

    @Test
    void theDotenvFilesOwnKeysAreKeptApartForTheirReviewAndTheOriginalsNewerNameIsASetting() throws Exception {
        Files.writeString(dir.resolve(".env"), "MAX_WORKER=3\nSLEEP_SECONDS=7\nSYNC_LOS_TO_LNDG=TRUE\n");
        RawSettings.Read read = RawSettings.read(dir, null, Map.of("SEND_REBALANCE_MSG_REGO_ORCH", "false", "PATH", "/bin"), null);
        assertEquals(java.util.List.of("MAX_WORKER", "SLEEP_SECONDS", "SYNC_LOS_TO_LNDG"), java.util.List.copyOf(read.dotenv().keySet()),
                "the file's keys in its order, the environment's not among them");
        assertEquals(dir.resolve(".env"), read.envFile());
        assertTrue(read.names().contains("SEND_REBALANCE_MSG_LNDG") && !read.names().contains("MAX_WORKER"), "our settings");
        assertEquals("false", read.values().get("SEND_REBALANCE_MSG_REGO_ORCH"), "the environment sets the newer name too");
        Files.delete(dir.resolve(".env"));
        RawSettings.Read none = RawSettings.read(dir, null, Map.of(), null);
        assertEquals(null, none.envFile(), "no .env: none named");
        assertEquals(Map.of(), none.dotenv());
    }

    @Test
    void anUnknownProfileIsRefused() throws Exception {
        String message = assertThrows(SettingsException.class, () -> RawSettings.load(dir, "prod", Map.of())).getMessage();
        assertTrue(message.contains("accepted profiles: demo"), message);
    }
}
