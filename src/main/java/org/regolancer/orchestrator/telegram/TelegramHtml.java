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

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<[^<>]*>");
    private static final java.util.regex.Pattern ENTITY = java.util.regex.Pattern.compile("&(amp|lt|gt|quot|#[0-9]{1,7});");

    /**
     * The text a terminal shows for Telegram HTML: tags dropped, entities ({@code &amp;}, {@code &lt;}, {@code &#39;}, …)
     * turned back into their characters in one pass (so an alias's own {@code &lt;} stays as written).
     */
    public static String toText(String html) {
        java.util.regex.Matcher entity = ENTITY.matcher(TAG.matcher(html).replaceAll(""));
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String text = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                default -> {
                    int code = Integer.parseInt(name.substring(1));
                    yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : entity.group();
                }
            };
            entity.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(text));
        }
        entity.appendTail(out);
        return out.toString();
    }

    /** 58596 → 58,596. */
    public static String sats(long sats) {
        return String.format(Locale.ROOT, "%,d", sats);
    }
}
