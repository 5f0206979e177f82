package org.regolancer.orchestrator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

    @Test
    void controlCharactersNeverReachALineSoNoLineIsForgedAndNoTerminalIsDriven() {
        String forged = "Evil\n2099-01-01 00:00:00 ERROR [errors] FORGED\r\tLINE\u001b[2J\u0007\u0000\u007f\u0085\u009b";
        String clean = UntrustedText.line(forged, 200);
        assertEquals("Evil2099-01-01 00:00:00 ERROR [errors] FORGEDLINE[2J", clean);
        assertEquals(1, clean.lines().count());
    }

    @Test
    void bidiControlsAndLineSeparatorsAreTakenOutTheRestStaysAsItWas() {
        String tricky = "a\u202Eb\u202Ac\u202Bd\u202Ce\u202Df\u2066g\u2067h\u2068i\u2069j\u200Ek\u200Fl\u061Cm\u2028n\u2029o";
        assertEquals("abcdefghijklmno", UntrustedText.alias(tricky));
        // what peers really use: markup-like text, quotes, emoji (a ZWJ sequence too), other scripts
        String real = "<i>A&B \"Jo's\" ⚡👨‍👩‍👧 Ноде節點";
        assertEquals(real, UntrustedText.alias(real));
    }

    @Test
    void anAliasIsCutAfter32CodePointsNeverInsideASurrogatePair() {
        String emoji = "⚡".repeat(31) + "😀😀";
        String cut = UntrustedText.alias(emoji);
        assertEquals(32, cut.codePointCount(0, cut.length()));
        assertTrue(cut.endsWith("😀"), cut);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 1)), "no half of a pair at the end");
        assertEquals("x".repeat(32), UntrustedText.alias("x".repeat(33)));
        assertEquals("x".repeat(32), UntrustedText.alias("x".repeat(32)), "32 are an alias's most, kept whole");
        assertEquals("ab", UntrustedText.alias("a\ud800b"), "a lone surrogate is no character");
        assertEquals("", UntrustedText.alias(null));
    }

    @Test
    void otherTextIsCutWithAnEllipsisAndCountedAfterCleaning() {
        assertEquals("abc…", UntrustedText.line("a\nb\nc\nd", 3));
        assertEquals("abc", UntrustedText.line("\u001babc", 3));
    }
}
