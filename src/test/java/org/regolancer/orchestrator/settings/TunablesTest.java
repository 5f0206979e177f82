package org.regolancer.orchestrator.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.ShippedProperties;

/** The internals below the settings in application.properties, read and checked like a setting. */
class TunablesTest {

    private static Map<String, String> shipped() {
        return new TreeMap<>(ShippedProperties.read());
    }

    @Test
    void everyInternalOfApplicationPropertiesIsReadAndGivenBackAsWritten() throws IOException {
        Map<String, String> shipped = shipped();
        Tunables read = SettingsLoader.tunables(shipped::get);
        assertEquals(Duration.ofSeconds(30), read.lndgReadTimeout());
        assertEquals(Duration.ofDays(1), read.booksDay());
        assertEquals(1000, read.notifyQueueSize());
        assertEquals("routes", read.routesDirectory());
        read.toProperties().forEach((key, value) -> assertEquals(shipped.get(key), value, key));
        // and every lower-case key of application.properties that is not Camel's own or derived is one of them
        shipped.keySet().stream().filter(k -> !k.matches("[A-Z_]+") && !k.startsWith("camel."))
                .forEach(k -> assertTrue(read.toProperties().containsKey(k), k + " is read by the loader"));
    }

    @Test
    void eachInternalArrivesWhereItsNameSays() throws IOException {
        Map<String, String> given = new HashMap<>(shipped());
        int n = 100;
        for (String key : Tunables.MILLIS) {
            given.put(key, Integer.toString(n++));
        }
        given.put("notify.queue-size", Integer.toString(n++));
        given.put("telegram.poll-seconds", Integer.toString(n++));
        given.put("routes.directory", "elsewhere/routes");
        Map<String, String> read = SettingsLoader.tunables(given::get).toProperties();
        read.forEach((key, value) -> assertEquals(given.get(key), value, key));
        assertEquals(Duration.ofMillis(101), SettingsLoader.tunables(given::get).lndgReadTimeout());
    }

    @Test
    void aMissingOrBadInternalIsOneLineNamingIt() throws IOException {
        Map<String, String> values = shipped();
        values.put("books.refresh-ms", "soon");
        assertEquals("books.refresh-ms=soon is invalid; accepted: a whole number from 1 to 604800000",
                assertThrows(SettingsException.class, () -> SettingsLoader.tunables(values::get)).getMessage());
        values.remove("books.refresh-ms");
        assertEquals("books.refresh-ms is not set; application.properties holds its default",
                assertThrows(SettingsException.class, () -> SettingsLoader.tunables(values::get)).getMessage());
    }
}
