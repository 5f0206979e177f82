package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.regolancer.orchestrator.ops.UntrustedText;

/**
 * What an LNDg answer other than 200 means, for the operator: the status, what the page says (its title, or the
 * first 200 characters of its text, or Django REST framework's {@code detail}), and what to do about it.
 */
public final class LndgAnswer {

    static final int EXCERPT = 200;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile("<(style|script)[^>]*>.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LndgAnswer() {
    }

    /** What went wrong, in words, and what to do about it. */
    public record Why(String what, String todo) {
    }

    /**
     * LNDg could not be reached: why (TLS in words where it is the cause: {@link LndgTls#failure}; otherwise, e.g.
     * {@code Connection refused}, with {@link #UNREACHABLE_HINT}), as an exception that keeps what to do apart (for
     * {@code check}, which says the same).
     */
    public static LndgException unreachable(URI base, String path, Throwable error, LndgTls tls) {
        String where = "LNDg " + path + " could not be reached (" + base + "): ";
        return tls.failure(base, error).map(why -> new LndgException(where + why.what() + ": " + why.todo(), 0, why.todo()))
                .orElseGet(() -> new LndgException(where + org.regolancer.orchestrator.ops.ErrorLog.describe(error) + ": "
                        + UNREACHABLE_HINT, 0, UNREACHABLE_HINT));
    }

    /** e.g. {@code LNDg /api/channels/ answered HTTP 400 (Bad Request (400)): LNDg's ALLOWED_HOSTS must list …}. */
    public static String describe(URI base, String path, int status, String body) {
        String hint = hint(base, status, body);
        return what(path, status, body) + (hint.isEmpty() ? "" : ": " + hint);
    }

    /** The same, as an exception that keeps the status and the hint apart (for {@code check}). */
    public static LndgException failure(URI base, String path, int status, String body) {
        return new LndgException(describe(base, path, status, body), status, hint(base, status, body));
    }

    private static String what(String path, int status, String body) {
        String said = excerpt(body);
        return "LNDg " + path + " answered HTTP " + status + (said.isEmpty() ? "" : " (" + said + ")");
    }

    /** What to do when LNDg could not be reached at all (refused, no answer in time, unknown host): check's and the log's. */
    public static final String UNREACHABLE_HINT = "is LNDg running, and LNDG_BASE_URL its address (e.g. http://127.0.0.1:8889)?";

    /**
     * What to do about an answer with this status, or "". A 401 or 403 is LNDg refusing the credentials only when it
     * is LNDg's own (Django REST framework's {@code {"detail": …}}); any other (a proxy's login page, its "Authorization
     * Required") comes from something in front of LNDg, which the user and password cannot be blamed for.
     */
    public static String hint(URI base, int status, String body) {
        return switch (status) {
            case 400 -> "LNDg refuses the host name; its ALLOWED_HOSTS (LNDg's settings.py) must list the host used in "
                    + "LNDG_BASE_URL, " + base.getHost();
            case 401, 403 -> fromLndgApi(body)
                    ? "LNDg refused the login; check LNDG_USER and LNDG_PASS (LNDg's own user and password)"
                    : "not LNDg's answer (LNDg's API answers with a JSON detail): something in front of LNDg (a proxy "
                            + "with a login of its own?) refused the request; the daemon sends LNDG_USER and LNDG_PASS "
                            + "as Basic auth, so that proxy must let LNDg's requests through or take the same user and password";
            case 404 -> "no such page; check that LNDG_BASE_URL is LNDg's address (" + base + ", without /api) and "
                    + "that the LNDg there is v1.10 or newer";
            default -> status >= 500 ? "LNDg itself failed; its log says why"
                    : status >= 300 && status < 400 ? "LNDG_BASE_URL redirects (a single sign-on or an https redirect in "
                            + "front of LNDg?) and the daemon follows no redirect: set LNDG_BASE_URL to where LNDg's API "
                            + "answers itself" : "";
        };
    }

    /** Django REST framework's error answer: a JSON object with a text {@code detail}. */
    static boolean fromLndgApi(String body) {
        if (body == null || !body.strip().startsWith("{")) {
            return false;
        }
        try {
            JsonNode detail = JSON.readTree(body.strip()).get("detail");
            return detail != null && detail.isTextual();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The page's title, DRF's {@code detail}, or its first 200 characters of text (no markup, no style, no script). */
    static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode detail = JSON.readTree(trimmed).get("detail");
                if (detail != null && detail.isTextual()) {
                    return shorten(detail.asText());
                }
            } catch (java.io.IOException e) {
                // not JSON after all: the text below
            }
        }
        Matcher title = TITLE.matcher(trimmed);
        if (title.find() && !text(title.group(1)).isEmpty()) {
            return shorten(text(title.group(1)));
        }
        return shorten(text(HIDDEN.matcher(trimmed).replaceAll(" ")));
    }

    private static String text(String html) {
        String text = TAG.matcher(html).replaceAll(" ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#x27;", "'").replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").strip();
    }

    /** One line of at most 200 characters, and nothing in it that is not text (an ESC sequence, a bidi control). */
    private static String shorten(String text) {
        return UntrustedText.line(text.replaceAll("\\s+", " ").strip(), EXCERPT);
    }
}
