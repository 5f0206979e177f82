package org.regolancer.orchestrator.telegram;

import java.util.Locale;

/** Text for Telegram's HTML parse mode: escaping of user text (aliases, error messages) and sat amounts. */
public final class TelegramHtml {

    private TelegramHtml() {
    }

    /** Escapes {@code &}, {@code <}, {@code >} (quotes are plain text in Telegram's HTML). */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** 58596 → 58,596. */
    public static String sats(long sats) {
        return String.format(Locale.ROOT, "%,d", sats);
    }
}
