package org.regolancer.orchestrator.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each expectation is what python-dotenv's load_dotenv() makes of the same line, so an operator's .env carries over. */
class DotenvFileTest {

    private static Map<String, String> parse(String text) {
        return DotenvFile.parse(text, ".env", name -> null);
    }

    private static String valueOf(String line) {
        return parse(line + "\n").get("KEY");
    }

    @ParameterizedTest(name = "{0} → [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "KEY=plain                       | plain",
        "KEY = spaced around             | spaced around",
        "export KEY=exported             | exported",
        "KEY=two words                   | two words",
        "KEY=value # a comment           | value",
        "KEY=pa#ss                       | pa#ss",
        "KEY=#starts-with-hash           | #starts-with-hash",
        "KEY=   # only a comment         | ``",
        "KEY=                            | ``",
        "KEY=x=y                         | x=y",
        "KEY=\"quoted # kept\"           | quoted # kept",
        "KEY='single # kept'             | single # kept",
        "KEY=\"with 'single' inside\"    | with 'single' inside",
        "KEY='with \"double\" inside'    | with \"double\" inside",
        "KEY=\"esc \\\"q\\\" \\\\ done\" | esc \"q\" \\ done",
        "KEY='it\\'s \\n verbatim'       | it's \\n verbatim",
        "KEY=\"trailing  \"  # comment   | `trailing  `",
        "KEY=p@$$w0rd!                   | p@$$w0rd!",
        "'KEY'=quoted key                | quoted key",
    })
    void readsValuesLikePythonDotenv(String line, String expected) {
        assertEquals(expected, valueOf(line.strip()));
    }

    @Test
    void doubleQuotesTurnEscapesIntoCharactersAndMaySpanLines() {
        Map<String, String> values = parse("A=\"one\\ntwo\\tthree\"\nB=\"first line\nsecond line\"\nC=after\n");
        assertEquals("one\ntwo\tthree", values.get("A"));
        assertEquals("first line\nsecond line", values.get("B"));
        assertEquals("after", values.get("C"));
    }

    @Test
    void commentsBlankLinesCrlfAndAByteOrderMarkAreNoSettings() {
        Map<String, String> values = parse("\uFEFF# my node\r\n\r\n  # indented comment\r\nMAX_WORKERS=3\r\nSLEEP_SECONDS=7 \r\n");
        assertEquals(Map.of("MAX_WORKERS", "3", "SLEEP_SECONDS", "7"), values);
    }

    @Test
    void aKeyWithoutEqualsSetsNothingAndTheLastOfTwoWins() {
        Map<String, String> values = parse("LONELY\nA=1\nA=2\n");
        assertFalse(values.containsKey("LONELY"));
        assertEquals("2", values.get("A"));
        assertEquals(List.of("A"), List.copyOf(values.keySet()));
    }

    @Test
    void variablesComeFromTheEnvironmentFirstThenEarlierKeysThenTheirDefault() {
        Map<String, String> environment = Map.of("HOME", "/home/lnd", "USER_NAME", "from-env");
        Map<String, String> values = DotenvFile.parse(String.join("\n",
                "USER_NAME=from-file",
                "BIN=${HOME}/regolancer",
                "WHO=${USER_NAME}",
                "BASE=http://lndg",
                "URL=${BASE}:8889",
                "MISSING=[${NOPE}]",
                "FALLBACK=${NOPE:-fallback}",
                "PLAIN_DOLLAR=$HOME"), ".env", environment::get);
        assertEquals("/home/lnd/regolancer", values.get("BIN"));
        assertEquals("from-env", values.get("WHO"), "the environment wins, as load_dotenv(override=False)");
        assertEquals("http://lndg:8889", values.get("URL"));
        assertEquals("[]", values.get("MISSING"));
        assertEquals("fallback", values.get("FALLBACK"));
        assertEquals("$HOME", values.get("PLAIN_DOLLAR"), "only ${...} is expanded");
    }

    @Test
    void anUnreadableLineNamesItsNumberButNeverItsText() {
        String message = assertThrows(SettingsException.class,
                () -> parse("LNDG_USER=a\n\n# fine\nthis line leaks hunter2\nB=1\n")).getMessage();
        assertTrue(message.startsWith(".env is malformed at line 4;"), message);
        assertFalse(message.contains("hunter2"), message);

        String unterminated = assertThrows(SettingsException.class,
                () -> parse("A=1\nLNDG_PASS=\"hunter2\nB=2\n")).getMessage();
        assertTrue(unterminated.contains("line 2"), unterminated);
        assertFalse(unterminated.contains("hunter2"), unterminated);
    }

    @Test
    void longQuotedValuesParseOnTheSmallStackTheServiceUnitGives() throws Exception {
        String value = "x".repeat(100_000);
        Map<String, String>[] parsed = new Map[1];
        Throwable[] failed = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                parsed[0] = parse("A=\"" + value + "\"\nB='" + value + "'\n");
            } catch (Throwable t) {
                failed[0] = t;
            }
        }, "256k-stack", 256 * 1024);
        small.start();
        small.join();
        assertEquals(null, failed[0], "no StackOverflowError (-Xss256k in the unit)");
        assertEquals(value, parsed[0].get("A"));
        assertEquals(value, parsed[0].get("B"));
    }

    @Test
    void anEscapedQuoteWithNoCloserAfterItClosesTheValueAsPythonDotenvBacktracks() {
        assertEquals("C:\\dir\\", valueOf("KEY=\"C:\\dir\\\""), "a backslash before the closing quote");
        assertEquals("a\\", valueOf("KEY=\"a\\\\\""), "an escaped backslash, then the closing quote");
    }
}
