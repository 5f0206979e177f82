package org.regolancer.orchestrator.lndg;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regolancer.orchestrator.ops.Secrets;

/**
 * The one LNDg login of a process, shared by every LNDg request (the cycle, the report, {@code /report},
 * {@code check}). LNDg's Django re-hashes the password (PBKDF2, 260,000 to 1,200,000 iterations) for every request
 * sent with Basic auth; a request with only the session cookie costs it an indexed lookup. So: log in once through
 * LNDg's own login page (Django's admin login), send the {@code sessionid} cookie and no {@code Authorization}
 * header, and log in again when LNDg refuses the session (expired, LNDg's secret changed, sessions deleted).
 *
 * <p>Never worse than Basic auth: where the login gives no session for any reason but proven wrong credentials (no
 * login page, a login page a proxy answers 401 or 403 or redirects to a single sign-on, another 4xx, a CSRF refusal
 * behind a proxy, a user the admin login does not take), every request goes with Basic auth as before, with one
 * report of why, and a new login is tried at most once an hour. Only a request sent with Basic auth and answered 401
 * proves the credentials wrong: a login refused with the form again is decided by the request itself (401: wrong
 * credentials, the request fails as it always did; 2xx: fall back). A login page that cannot be reached or answers
 * 5xx is an outage, and 400 Django's ALLOWED_HOSTS: the request fails with that. One login at a time; the session id
 * is learnt by {@link Secrets} the moment it is known.
 *
 * <p>The HTTP client that needs the session sends the login's two requests itself ({@link Transport}), so no other
 * client is loaded for it.
 */
public final class LndgSession {

    public static final String LOGIN_PATH = "/lndg-admin/login/";
    static final Duration LOGIN_RETRY = Duration.ofHours(1);
    static final String SESSION_COOKIE = "sessionid";
    static final String CSRF_COOKIE = "csrftoken";

    /** How a request is sent: with the session cookie, with Basic auth, or with Basic auth to decide a refused login. */
    public enum Kind { SESSION, BASIC, BASIC_PROBE }

    /** The one header a request carries; never printed (its value is a secret). */
    public record Credentials(Kind kind, String header, String value) {
        @Override
        public String toString() {
            return "Credentials[" + kind + "]";
        }
    }

    /** The login's two requests, sent by the client that needs the session; no redirect followed. */
    public interface Transport {
        Answer get(URI uri, Map<String, String> headers) throws IOException;

        Answer postForm(URI uri, Map<String, String> headers, String form) throws IOException;
    }

    /** An answer to one of the login's requests: status, its Set-Cookie headers, its body, its Location (or null). */
    public record Answer(int status, List<String> setCookies, String body, String location) {
        public Answer(int status, List<String> setCookies, String body) {
            this(status, setCookies, body, null);
        }
    }

    /** Why a login cannot work although the credentials are good, and what to do about it. */
    public record Fallback(String why, String todo) {
    }

    /** What the owner wants to know: a fallback to Basic auth (once per reason), and each login. */
    public interface Events {
        void fellBack(String why);

        void loggedIn();

        Events NONE = new Events() {
            @Override
            public void fellBack(String why) {
            }

            @Override
            public void loggedIn() {
            }
        };
    }

    private final URI base;
    private final URI loginUri;
    private final String user;
    private final String password;
    private final Credentials basic;
    private final Clock clock;
    private final Secrets secrets;
    private volatile Events events = Events.NONE;

    // guarded by this
    private String sessionId;
    private Fallback fallback;
    private String reportedWhy;
    private Instant loginRetryAt;
    private long logins;

    public LndgSession(URI base, String user, String password, Clock clock, Secrets secrets) {
        String text = base.toString();
        this.base = base;
        this.loginUri = URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + LOGIN_PATH);
        this.user = user;
        this.password = password;
        this.basic = new Credentials(Kind.BASIC, "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        this.clock = clock;
        this.secrets = secrets;
    }

    public LndgSession events(Events events) {
        this.events = events;
        return this;
    }

    public URI base() {
        return base;
    }

    /** The credentials for the next request: the session, logging in first when there is none (and a login may work). */
    public synchronized Credentials credentials(Transport transport) throws IOException {
        if (sessionId != null) {
            return session(sessionId);
        }
        if (fallback != null && clock.instant().isBefore(loginRetryAt)) {
            return basic;
        }
        return login(transport);
    }

    /**
     * A request sent with {@code used} was answered {@code status}. A refused session (401, 403) is dropped, unless
     * another request already replaced it; a request sent to decide a refused login settles it.
     */
    public synchronized void answered(Credentials used, int status) {
        if (refusedSession(used, status) && used.value().equals(cookie(sessionId))) {
            sessionId = null;
        }
        if (used.kind() == Kind.BASIC_PROBE && status >= 200 && status < 300) {
            fallBack("LNDg's login page does not take LNDG_USER=" + user + ", although LNDg's API does (Django's admin "
                    + "login takes only active staff users)", "log in with the user LNDg's initialize.py made (lndg-admin), "
                    + "or make this one staff in LNDg's admin");
        }
        // a wrong password (the probe's 401) keeps no state: the next request logs in again, so fixed credentials work
    }

    /** LNDg refused a session (expired, its secret changed, sessions deleted): the request is worth repeating once. */
    public static boolean refusedSession(Credentials used, int status) {
        return used.kind() == Kind.SESSION && (status == 401 || status == 403);
    }

    private Credentials login(Transport transport) throws IOException {
        Answer page = transport.get(loginUri, Map.of("Accept", "text/html"));
        if (page.status() != 200) {
            return noLoginForm(page);
        }
        String csrf = LoginForm.cookie(page.setCookies(), CSRF_COOKIE);
        String token = LoginForm.token(page.body());
        if (csrf == null || token == null) {
            return fallBack("LNDg's login page (" + loginUri + ") has no login form", "check that LNDG_BASE_URL is LNDg's "
                    + "own address");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", CSRF_COOKIE + "=" + csrf);
        headers.put("Referer", loginUri.toString());
        Answer post = transport.postForm(loginUri, headers, LoginForm.filled(token, user, password));
        String session = LoginForm.cookie(post.setCookies(), SESSION_COOKIE);
        if (post.status() >= 300 && post.status() < 400 && session != null) {
            secrets.learn(session);
            sessionId = session;
            fallback = null;
            reportedWhy = null;
            logins++;
            events.loggedIn();
            return session(session);
        }
        return switch (post.status()) {
            // the form again: a wrong password, or a user the admin login does not take; the request decides
            case 200 -> new Credentials(Kind.BASIC_PROBE, basic.header(), basic.value());
            case 403 -> fallBack("LNDg refused the login form's CSRF check (HTTP 403)", "behind a proxy, LNDg's "
                    + "CSRF_TRUSTED_ORIGINS must list " + origin() + " (LNDg's initialize.py -csrf)");
            case 404 -> noLoginPage();
            default -> {
                if (post.status() == 400 || post.status() >= 500) {
                    throw LndgAnswer.failure(base, LOGIN_PATH, post.status(), post.body());
                }
                yield fallBack("LNDg's login answered HTTP " + post.status() + " without a session", "");
            }
        };
    }

    /**
     * The login page answered other than 200: LNDg failing (5xx) or refusing the host (400) fails the request; any
     * other answer gives no session for a reason that is not the credentials, so Basic auth, which LNDg's API takes.
     */
    private Credentials noLoginForm(Answer page) {
        int status = page.status();
        if (status == 400 || status >= 500) {
            throw LndgAnswer.failure(base, LOGIN_PATH, status, page.body());
        }
        String passThrough = "a proxy in front of LNDg must pass " + LOGIN_PATH + " through to it";
        return switch (status) {
            case 404 -> noLoginPage();
            case 401 -> fallBack("LNDg's login page " + loginUri + " answered HTTP 401 (a proxy in front of LNDg with a "
                    + "login of its own, or a server that sends the page to LNDg's API)", passThrough
                    + ", or LNDG_BASE_URL be LNDg's own address");
            case 403 -> fallBack("LNDg's login page " + loginUri + " answered HTTP 403 (a proxy that keeps LNDg's admin "
                    + "pages closed?)", passThrough);
            default -> status >= 300 && status < 400
                    ? fallBack("LNDg's login page " + loginUri + " redirects (HTTP " + status + ")"
                            + (page.location() == null ? "" : " to " + shorten(page.location().split("[?#]", 2)[0]))
                            + ": a single sign-on in front of LNDg? Redirects are not followed", "let the sign-on pass "
                            + LOGIN_PATH + " through to LNDg, or set LNDG_BASE_URL to LNDg's own address")
                    : fallBack("LNDg's login page " + loginUri + " answered HTTP " + status + " without a login form",
                            passThrough);
        };
    }

    /** A redirect's target without its query (a sign-on's state changes each time: the reason would not repeat). */
    private static String shorten(String text) {
        String flat = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }

    private Credentials noLoginPage() {
        return fallBack("LNDg has no login page at " + loginUri + " (HTTP 404)", "LNDG_BASE_URL must be LNDg's own address, "
                + "and a proxy in front of LNDg must pass " + LOGIN_PATH + " through");
    }

    private Credentials fallBack(String why, String todo) {
        fallback = new Fallback(why, todo);
        loginRetryAt = clock.instant().plus(LOGIN_RETRY);
        if (!why.equals(reportedWhy)) {
            reportedWhy = why;
            events.fellBack(why + ": Basic auth on every request, so LNDg hashes the password for each one (0.1 to 0.5 s "
                    + "of its CPU per request)" + (todo.isEmpty() ? "" : "; " + todo) + "; a login is tried again in an hour");
        }
        return basic;
    }

    /** Why requests go with Basic auth now, when a login could not work although the credentials are good. */
    public synchronized java.util.Optional<Fallback> fallback() {
        return java.util.Optional.ofNullable(sessionId == null ? fallback : null);
    }

    public synchronized boolean hasSession() {
        return sessionId != null;
    }

    /** Logins that gave a session since the start. */
    public synchronized long logins() {
        return logins;
    }

    private String origin() {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private static Credentials session(String id) {
        return new Credentials(Kind.SESSION, "Cookie", cookie(id));
    }

    private static String cookie(String sessionId) {
        return SESSION_COOKIE + "=" + sessionId;
    }
}
