package org.regolancer.orchestrator.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .env} file read the way the Python orchestrator's {@code load_dotenv()} (python-dotenv) reads it, so an
 * operator's file means the same here: {@code KEY=value} lines, an optional {@code export }, spaces around
 * {@code =}, {@code #} comments (in an unquoted value only after a space: {@code pa#ss} stays whole), single quotes
 * (verbatim but {@code \'} and {@code \\}), double quotes (escapes such as {@code \"} and {@code \n}; may span
 * lines), {@code ${NAME}} and {@code ${NAME:-default}} expanded from the environment first, then from the file's
 * earlier keys. A key without {@code =} sets nothing; the last of two equal keys wins.
 *
 * <p>Where python-dotenv skips a line it cannot read with a warning, this refuses the file naming the line's
 * number (never its text, which may hold a password): a setting silently lost is worse than a clear stop.
 */
public final class DotenvFile {

    private static final Pattern LEADING_SPACE = Pattern.compile("\\s*", Pattern.MULTILINE);
    private static final Pattern SPACE = Pattern.compile("[^\\S\\r\\n]*");
    private static final Pattern EXPORT = Pattern.compile("(?:export[^\\S\\r\\n]+)?");
    private static final Pattern SINGLE_QUOTED_KEY = Pattern.compile("'([^']+)'");
    private static final Pattern KEY = Pattern.compile("([^=#\\s]+)");
    private static final Pattern EQUALS = Pattern.compile("=[^\\S\\r\\n]*");
    private static final Pattern UNQUOTED = Pattern.compile("([^\\r\\n]*)");
    private static final Pattern COMMENT = Pattern.compile("(?:[^\\S\\r\\n]*#[^\\r\\n]*)?");
    private static final Pattern END_OF_LINE = Pattern.compile("[^\\S\\r\\n]*(?:\\r\\n|\\n|\\r|$)");
    private static final Pattern REST_OF_LINE = Pattern.compile("[^\\r\\n]*(?:\\r\\n|\\r|\\n)?");
    private static final Pattern INLINE_COMMENT = Pattern.compile("\\s+#.*");
    private static final Pattern DOUBLE_QUOTE_ESCAPE = Pattern.compile("\\\\[\\\\'\"abfnrtv]");
    private static final Pattern SINGLE_QUOTE_ESCAPE = Pattern.compile("\\\\[\\\\']");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}:]*)(?::-([^}]*))?}");

    private final String text;
    private int position;
    private int failedAt = -1;

    private DotenvFile(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The keys the file sets, in file order, with variables expanded.
     *
     * @param environment the process environment, which {@code ${NAME}} reads before the file's own keys
     * @throws SettingsException naming {@code fileName} and the first line that cannot be read
     */
    public static Map<String, String> parse(String text, String fileName, Function<String, String> environment) {
        DotenvFile file = new DotenvFile(text);
        Map<String, String> values = new LinkedHashMap<>();
        while (file.position < file.text.length()) {
            if (!file.binding(values, environment)) {
                throw new SettingsException(fileName + " is malformed at line " + file.lineOf(file.failedAt)
                        + "; accepted: KEY=VALUE lines, # comments, values in single or double quotes");
            }
        }
        return values;
    }

    /** Reads one line (or one multi-line quoted binding) into values; false when it cannot be read. */
    private boolean binding(Map<String, String> values, Function<String, String> environment) {
        read(LEADING_SPACE);
        if (position >= text.length()) {
            return true;
        }
        int lineStart = position;
        read(EXPORT);
        String key;
        if (peek() == '#') {
            key = null;
        } else {
            key = read(peek() == '\'' ? SINGLE_QUOTED_KEY : KEY);
            if (key == null) {
                return skipLine(lineStart);
            }
        }
        read(SPACE);
        String value = null;
        if (peek() == '=') {
            boolean spaced = read(EQUALS).length() > 1;
            value = value(spaced);
            if (value == null) {
                return skipLine(lineStart);
            }
        }
        read(COMMENT);
        if (read(END_OF_LINE) == null) {
            return skipLine(lineStart);
        }
        if (key != null && value != null) {
            values.remove(key);
            values.put(key, expand(value, values, environment));
        }
        return true;
    }

    private String value(boolean spaced) {
        char first = peek();
        if (first == '\'') {
            String quoted = quoted('\'');
            return quoted == null ? null : unescape(quoted, SINGLE_QUOTE_ESCAPE);
        }
        if (first == '"') {
            String quoted = quoted('"');
            return quoted == null ? null : unescape(quoted, DOUBLE_QUOTE_ESCAPE);
        }
        if (first == 0 || first == '\n' || first == '\r') {
            return "";
        }
        String part = read(UNQUOTED);
        // "KEY=   # comment" is empty; "KEY=#value" is "#value"
        if (spaced && part.startsWith("#")) {
            return "";
        }
        return INLINE_COMMENT.matcher(part).replaceFirst("").stripTrailing();
    }

    /**
     * The text between the quote at the position and its closing quote, as python-dotenv's {@code '((?:\\'|[^'])*)'}
     * (and its double-quoted twin) match it, backtracking included: a backslash-quote is an escaped quote, unless no
     * closing quote follows anywhere, in which case the last one closes the value after its backslash. A scan, not
     * that regex: Java's engine recurses once per character there, and a value of a few hundred characters would
     * overflow the service's small thread stack.
     */
    private String quoted(char quote) {
        int start = position + 1;
        int lastEscapedQuote = -1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                lastEscapedQuote = ++i;
            } else if (c == quote) {
                position = i + 1;
                return text.substring(start, i);
            }
        }
        if (lastEscapedQuote < 0) {
            return null;
        }
        position = lastEscapedQuote + 1;
        return text.substring(start, lastEscapedQuote);
    }

    private boolean skipLine(int lineStart) {
        failedAt = lineStart;
        position = lineStart;
        read(REST_OF_LINE);
        return false;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : 0;
    }

    /** Matches at the position and moves past the match: its first group (or the whole match), null if none. */
    private String read(Pattern pattern) {
        Matcher m = pattern.matcher(text).region(position, text.length());
        if (!m.lookingAt()) {
            return null;
        }
        position = m.end();
        return m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group();
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static String unescape(String value, Pattern escapes) {
        return escapes.matcher(value).replaceAll(m -> Matcher.quoteReplacement(switch (m.group().charAt(1)) {
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'v' -> "\u000B";
            default -> m.group().substring(1);
        }));
    }

    /** ${NAME} and ${NAME:-default}: the environment first (as load_dotenv without override), then earlier keys. */
    private static String expand(String value, Map<String, String> earlier, Function<String, String> environment) {
        return VARIABLE.matcher(value).replaceAll(m -> {
            String name = m.group(1);
            String found = environment.apply(name);
            if (found == null) {
                found = earlier.get(name);
            }
            if (found == null) {
                found = m.group(2) == null ? "" : m.group(2);
            }
            return Matcher.quoteReplacement(found);
        });
    }
}
