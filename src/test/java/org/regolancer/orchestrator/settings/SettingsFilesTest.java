package org.regolancer.orchestrator.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings that name files: the template, the binary, DATA_DIR and LNDg's certificate, checked before start. */
class SettingsFilesTest extends SettingsTestSupport {

    @Test
    void aTemplateSettingBothFeeLimitPpmAndEconRatioMaxPpmIsRefused() throws IOException {
        Files.writeString(dir.resolve("both.json"), "{\"fee_limit_ppm\": 100, \"econ_ratio_max_ppm\": 500}");
        assertTrue(failure("CONFIG_TEMPLATE", dir.resolve("both.json").toString())
                .contains("'fee_limit_ppm' and 'econ_ratio_max_ppm' cannot be combined"));
    }

    @Test
    void aTemplateThatIsNotJsonIsOneLineWithItsLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("comma.json"), "{\n  \"amount\": 50000,\n  \"stat\": \"x.csv\",\n}\n");
        assertEquals("CONFIG_TEMPLATE=" + dir.resolve("comma.json") + " is not valid JSON: line 4, column 1: unexpected "
                + "character '}', was expecting double-quote to start field name; accepted: a regolancer JSON config",
                failure("CONFIG_TEMPLATE", dir.resolve("comma.json").toString()));
        Files.writeString(dir.resolve("cut.json"), "{\n  \"amount\": 50000\n");
        String cut = failure("CONFIG_TEMPLATE", dir.resolve("cut.json").toString());
        assertTrue(cut.startsWith("CONFIG_TEMPLATE=" + dir.resolve("cut.json") + " is not valid JSON: line 3, column 1: "
                + "unexpected end-of-input"), cut);
        for (String message : new String[] {cut, failure("CONFIG_TEMPLATE", dir.resolve("comma.json").toString())}) {
            assertFalse(message.contains("\n") || message.contains("Source") || message.contains("REDACTED")
                    || message.contains("StreamReadFeature") || message.contains("code 125"), message);
        }
    }

    @Test
    void aDataDirNoFileCanBeCreatedInIsRefusedBeforeTryingAsCheckRefusesIt() throws IOException {
        assertEquals("DATA_DIR=/proc/nope would be on the kernel's proc file system (/proc), where no file can be created; "
                + "accepted: a writable folder", failure("DATA_DIR", "/proc/nope"));
    }

    @Test
    void filesAreCheckedBeforeStart() throws IOException {
        assertTrue(failure("REGOLANCER_BIN", dir.resolve("missing").toString()).contains("is not an executable file"));
        Files.writeString(dir.resolve("bad.json"), "{not json");
        assertEquals("CONFIG_TEMPLATE=" + dir.resolve("bad.json") + " is not valid JSON: line 1, column 2: unexpected character "
                + "'n', was expecting double-quote to start field name; accepted: a regolancer JSON config",
                failure("CONFIG_TEMPLATE", dir.resolve("bad.json").toString()), "one line, no Jackson internals");
        Files.writeString(dir.resolve("from.json"), "{\"from\": 905399447106748416}");
        assertTrue(failure("CONFIG_TEMPLATE", dir.resolve("from.json").toString()).contains("'from' must be a list of strings"));
        assertTrue(failure("CONFIG_TEMPLATE", dir.resolve("no-such.json").toString()).startsWith("CONFIG_TEMPLATE="));
        Files.writeString(dir.resolve("to.json"), "{\"to\": \"893182773332606977\"}");
        assertTrue(failure("CONFIG_TEMPLATE", dir.resolve("to.json").toString()).contains("'to' must be a list of strings"));
        Files.writeString(dir.resolve("list.json"), "[1, 2]");
        assertTrue(failure("CONFIG_TEMPLATE", dir.resolve("list.json").toString()).startsWith("CONFIG_TEMPLATE="));
        Files.writeString(dir.resolve("rel.json"), "{\"rel_amount_from\": 0.1}");
        assertTrue(failure("CONFIG_TEMPLATE", dir.resolve("rel.json").toString()).contains("rel_amount_from"));
        Files.writeString(dir.resolve("min.json"), "{\"min_amount\": 50000}");
        assertTrue(failure("CONFIG_TEMPLATE", dir.resolve("min.json").toString()).contains("above AMOUNT_INITIAL"));
        Files.writeString(dir.resolve("a-file"), "x");
        assertTrue(failure("DATA_DIR", dir.resolve("a-file").resolve("data").toString()).startsWith("DATA_DIR="));
    }

    @Test
    void lndgTlsCertIsAPemFileReadAtStartOrOneLineNamingIt() throws IOException {
        assertTrue(load(defaults()).lndg().tls().file().isEmpty(), "empty: the system's trust only");
        assertEquals("LNDG_TLS_CERT=" + dir.resolve("missing.pem") + " cannot be read (no such file: " + dir.resolve("missing.pem")
                + "); accepted: a readable PEM file with one or more certificates (-----BEGIN CERTIFICATE-----), or empty for "
                + "the system's trust only", failure("LNDG_TLS_CERT", dir.resolve("missing.pem").toString()));
        Files.writeString(dir.resolve("key.der"), "not a certificate");
        assertTrue(failure("LNDG_TLS_CERT", dir.resolve("key.der").toString()).startsWith("LNDG_TLS_CERT=" + dir.resolve("key.der")
                + " holds no PEM certificate"));
    }

    @Test
    void dryRunNeedsNoRegolancerBinary() throws IOException {
        Map<String, String> raw = defaults();
        raw.put("REGOLANCER_BIN", dir.resolve("missing").toString());
        raw.put("DRY_RUN", "yes");
        assertTrue(load(raw).run().dryRun());
    }
}
