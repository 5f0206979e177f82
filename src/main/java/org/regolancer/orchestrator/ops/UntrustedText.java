package org.regolancer.orchestrator.ops;

/**
 * Text from outside (a peer's alias, which any peer sets for itself; words LNDg or a proxy answered) made plain text of
 * bounded length before it is used anywhere: no control characters (C0 and C1, so no ESC sequence for a terminal, no
 * CR, LF or TAB to start a forged log line), no bidirectional controls (U+200E/F, U+061C, U+202A–202E, U+2066–2069,
 * which can make a line read backwards), no line or paragraph separators (U+2028/2029), no lone surrogates; then cut
 * after a number of code points (a character outside the BMP is never split). Everything else stays as it was: emoji,
 * {@code <}, {@code &}, quotes, letters of every script.
 */
public final class UntrustedText {

    /** An alias is at most 32 characters in LND and in LNDg (its {@code alias} column). */
    public static final int ALIAS_CODE_POINTS = 32;

    private UntrustedText() {
    }

    /** A peer's alias as the daemon uses it everywhere (log, errors.log, ledger, Telegram, check, report). */
    public static String alias(String raw) {
        return clean(raw, ALIAS_CODE_POINTS, "");
    }

    /** Other text from outside for one line of a message: cleaned the same way, cut with "…" after {@code max}. */
    public static String line(String raw, int max) {
        return clean(raw, max, "…");
    }

    private static String clean(String raw, int max, String cut) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), max * 2));
        int kept = 0;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (unwanted(cp)) {
                continue;
            }
            if (kept == max) {
                out.append(cut);
                break;
            }
            out.appendCodePoint(cp);
            kept++;
        }
        return out.toString();
    }

    static boolean unwanted(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || cp == 0x061C || cp == 0x200E || cp == 0x200F
                || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
    }
}
