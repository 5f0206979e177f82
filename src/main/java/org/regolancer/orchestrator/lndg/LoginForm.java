package org.regolancer.orchestrator.lndg;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Django's admin login form as {@link LndgSession} reads and fills it: its cookies, its CSRF token, the form sent. */
final class LoginForm {

    private static final Pattern FORM_TOKEN = Pattern.compile(
            "<input[^>]*name=[\"']csrfmiddlewaretoken[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("value=[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);

    private LoginForm() {
    }

    /** A cookie's value from Set-Cookie headers ({@code name=value; Path=/; …}); null when absent or empty. */
    static String cookie(List<String> setCookies, String name) {
        String found = null;
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0].strip();
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                String value = pair.substring(eq + 1).strip();
                if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                found = value.isEmpty() ? null : value;
            }
        }
        return found;
    }

    /** The login form's hidden {@code csrfmiddlewaretoken}, or null. */
    static String token(String html) {
        if (html == null) {
            return null;
        }
        Matcher input = FORM_TOKEN.matcher(html);
        if (!input.find()) {
            return null;
        }
        Matcher value = VALUE.matcher(input.group());
        return value.find() ? value.group(1) : null;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The form posted to log in, going on to LNDg's API. */
    static String filled(String token, String user, String password) {
        return "csrfmiddlewaretoken=" + encode(token) + "&username=" + encode(user) + "&password=" + encode(password)
                + "&next=" + encode("/api/");
    }
}
