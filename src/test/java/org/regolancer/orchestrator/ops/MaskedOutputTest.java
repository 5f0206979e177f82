package org.regolancer.orchestrator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MaskedOutputTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDmask";
    private final Secrets secrets = new Secrets("lnd", "pa55-Wörd", TOKEN);
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final PrintStream masked = new MaskedOutput.Masked(new MaskedOutput(new PrintStream(terminal, true,
            StandardCharsets.UTF_8), StandardCharsets.UTF_8, secrets), StandardCharsets.UTF_8);

    private String seen() {
        return terminal.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLineWithASecretIsMaskedAndTheRestIsLeftAsItWas() {
        masked.println("2026-12-03 12:00:00 ERROR Failed delivery: http://127.0.0.1/bot" + TOKEN + "/sendPhoto responded: 500");
        masked.println("password pa55-Wörd, fees 1,000 sat → T1 ✓");
        assertEquals("2026-12-03 12:00:00 ERROR Failed delivery: http://127.0.0.1/bot***/sendPhoto responded: 500\n"
                + "password ***, fees 1,000 sat → T1 ✓\n", seen());
    }

    @Test
    void aSecretWrittenInPiecesIsMaskedWholeAndAStackTraceToo() {
        masked.print("token " + TOKEN.substring(0, 12));
        masked.flush();
        assertEquals("", seen(), "a part of a line waits for its end");
        masked.print(TOKEN.substring(12) + " end\n");
        new IllegalStateException("Could not GET http://x/bot" + TOKEN + "/getUpdates",
                new java.io.IOException("session pa55-Wörd")).printStackTrace(masked);
        assertTrue(seen().startsWith("token *** end\njava.lang.IllegalStateException: Could not GET http://x/bot***/getUpdates\n"),
                seen());
        assertTrue(seen().contains("Caused by: java.io.IOException: session ***\n"), seen());
        assertFalse(seen().contains("AAHdqTcvCH1vGWJx") || seen().contains("pa55"), seen());
    }

    @Test
    void aSessionLearntLaterIsMaskedFromThenOn() {
        secrets.learn("sessionid-abcdef123");
        masked.println("Cookie: sessionid=sessionid-abcdef123");
        assertEquals("Cookie: sessionid=***\n", seen());
    }

    @Test
    void anEndlessLineIsWrittenInBoundedParts() {
        masked.print("x".repeat(MaskedOutput.MAX_LINE * 2 + 10));
        assertEquals(MaskedOutput.MAX_LINE * 2, seen().length(), "written as it fills, not kept");
    }

    @Test
    void installedOnceThenOnlyTheSecretsChange() {
        PrintStream err = System.err;
        PrintStream out = System.out;
        try {
            MaskedOutput.install(secrets);
            PrintStream first = System.err;
            MaskedOutput.install(new Secrets("other", "other-password", ""));
            assertSame(first, System.err, "not wrapped twice");
            assertTrue(System.out instanceof MaskedOutput.Masked);
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
    }
}
