package org.regolancer.orchestrator.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * LNDg's authentication as a stand-in LNDg serves it (the demo's, the tests' and the benches'): Django's admin login
 * page at {@code /lndg-admin/login/} (a GET gives the {@code csrftoken} cookie and the form's token bound to it; a POST
 * with both, a Referer of this host, and a staff user's credentials answers 302 with a {@code sessionid}; wrong
 * credentials or a user that is not staff get the form again; a missing or wrong token 403), and Django REST
 * framework's rule for the API: Basic auth first (a password hash each time, counted), then the session cookie,
 * else 401 with {@code WWW-Authenticate: Basic realm="api"}. It can also stand behind what operators put in front of
 * LNDg: a proxy that answers the login page 403 or redirects it to a single sign-on (the API passed through), or a
 * proxy with a Basic login of its own in front of everything (nginx's {@code auth_basic}: its own 401 page, the
 * Authorization header passed on to LNDg when it takes it).
 */
public final class DjangoLogin {

    /** Every session id this stand-in hands out starts with this, so a leak check can look for them. */
    public static final String SESSION_MARKER = "standinsession";
    public static final String LOGIN_PATH = "/lndg-admin/login/";

    /**
     * How the login page behaves: as LNDg's, absent (an older or proxied LNDg), refusing every form's CSRF check, closed
     * by a proxy (403), redirected to a single sign-on (302), or behind a proxy's own Basic login ({@link #behindProxyLogin}).
     */
    public enum Mode { NORMAL, NO_LOGIN_PAGE, CSRF_REFUSED, LOGIN_PAGE_FORBIDDEN, LOGIN_PAGE_REDIRECT, PROXY_LOGIN }

    /** Where {@link Mode#LOGIN_PAGE_REDIRECT} sends the login page. */
    public static final String SIGN_ON = "https://sso.example.com/oauth2/start?rd=%2Flndg-admin%2Flogin%2F";

    private final String user;
    private final String password;
    private volatile boolean staff = true;
    private volatile Mode mode = Mode.NORMAL;
    private volatile String proxyAuthorization;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> formTokens = new ConcurrentHashMap<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger basicAuthentications = new AtomicInteger();
    private final AtomicInteger loginPosts = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger sessionRequests = new AtomicInteger();

    public DjangoLogin(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** Serves the login page on this server. */
    public DjangoLogin register(HttpServer server) {
        server.createContext(LOGIN_PATH, this::loginPage);
        return this;
    }

    /** Whether the user may use Django's admin login (LNDg's own user is a superuser); the API takes any user. */
    public DjangoLogin staff(boolean staff) {
        this.staff = staff;
        return this;
    }

    public DjangoLogin mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    /** A proxy with a Basic login of its own in front of LNDg, taking this user and password (passed on to LNDg). */
    public DjangoLogin behindProxyLogin(String proxyUser, String proxyPassword) {
        proxyAuthorization = "Basic " + Base64.getEncoder().encodeToString((proxyUser + ":" + proxyPassword)
                .getBytes(StandardCharsets.UTF_8));
        return mode(Mode.PROXY_LOGIN);
    }

    /** In front of LNDg: false (and the proxy's own 401 sent) when a proxy login refuses the request. */
    private boolean proxyPasses(HttpExchange exchange) throws IOException {
        if (mode != Mode.PROXY_LOGIN || proxyAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Restricted\"");
        send(exchange, 401, "text/html", "<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n"
                + "<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
        return false;
    }

    /** Every session ends (as after LNDg's SESSION_COOKIE_AGE, a new SECRET_KEY, or its sessions deleted). */
    public void forgetSessions() {
        sessions.clear();
    }

    /** API requests authenticated by Basic auth: each one a password hash in LNDg. */
    public int basicAuthentications() {
        return basicAuthentications.get();
    }

    /** Logins that gave a session. */
    public int logins() {
        return logins.get();
    }

    /** Login forms posted (each a password hash in LNDg, whatever the outcome). */
    public int loginPosts() {
        return loginPosts.get();
    }

    /** API requests authenticated by a session. */
    public int sessionRequests() {
        return sessionRequests.get();
    }

    /**
     * DRF's authentication for an API request: true when it may be answered; otherwise the 401 has been sent.
     * A request with an Authorization header is judged by it alone (a cookie beside it does not matter).
     */
    public boolean authorized(HttpExchange exchange) throws IOException {
        if (!proxyPasses(exchange)) {
            return false;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            basicAuthentications.incrementAndGet();
            String expected = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (expected.equals(authorization.substring("Basic ".length()).strip())) {
                return true;
            }
            unauthorized(exchange, "Invalid username/password.");
            return false;
        }
        String session = cookies(exchange).get("sessionid");
        if (session != null && sessions.containsKey(session)) {
            sessionRequests.incrementAndGet();
            return true;
        }
        unauthorized(exchange, "Authentication credentials were not provided.");
        return false;
    }

    private static void unauthorized(HttpExchange exchange, String detail) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"api\"");
        send(exchange, 401, "application/json", "{\"detail\":\"" + detail + "\"}");
    }

    private void loginPage(HttpExchange exchange) throws IOException {
        if (!proxyPasses(exchange)) {
            return;
        }
        if (mode == Mode.LOGIN_PAGE_FORBIDDEN) {
            send(exchange, 403, "text/html", "<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center>"
                    + "<h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
            return;
        }
        if (mode == Mode.LOGIN_PAGE_REDIRECT) {
            exchange.getResponseHeaders().set("Location", SIGN_ON);
            send(exchange, 302, "text/html", "");
            return;
        }
        if (mode == Mode.NO_LOGIN_PAGE || !exchange.getRequestURI().getPath().equals(LOGIN_PATH)) {
            send(exchange, 404, "text/html", "<!doctype html><html lang=\"en\"><head><title>Not Found</title></head><body>"
                    + "<h1>Not Found</h1><p>The requested resource was not found on this server.</p></body></html>");
            return;
        }
        if ("POST".equals(exchange.getRequestMethod())) {
            post(exchange);
        } else {
            form(exchange, cookies(exchange).get("csrftoken"), false);
        }
    }

    private void post(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String csrf = cookies(exchange).get("csrftoken");
        String referer = exchange.getRequestHeaders().getFirst("Referer");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (mode == Mode.CSRF_REFUSED || csrf == null || !csrf.equals(formTokens.get(form.getOrDefault("csrfmiddlewaretoken", "")))
                || referer == null || host == null
                || !(referer.startsWith("http://" + host + "/") || referer.startsWith("https://" + host + "/"))) {
            send(exchange, 403, "text/html", "<!DOCTYPE html><html lang=\"en\"><head><title>403 Forbidden</title></head><body>"
                    + "<div id=\"summary\"><h1>Forbidden <span>(403)</span></h1><p>CSRF verification failed. Request "
                    + "aborted.</p></div></body></html>");
            return;
        }
        loginPosts.incrementAndGet();
        if (!staff || !user.equals(form.get("username")) || !password.equals(form.get("password"))) {
            form(exchange, csrf, true);
            return;
        }
        String session = SESSION_MARKER + hex(16);
        sessions.put(session, user);
        logins.incrementAndGet();
        exchange.getResponseHeaders().add("Set-Cookie", "csrftoken=" + hex(32) + "; Max-Age=31449600; Path=/; SameSite=Lax");
        exchange.getResponseHeaders().add("Set-Cookie", "sessionid=" + session
                + "; expires=Thu, 01 Jan 2037 00:00:00 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax");
        exchange.getResponseHeaders().set("Location", form.getOrDefault("next", "/"));
        send(exchange, 302, "text/html; charset=utf-8", "");
    }

    /** Django's admin login form; its token is bound to the csrftoken cookie (a new cookie when there was none). */
    private void form(HttpExchange exchange, String csrf, boolean refused) throws IOException {
        String cookie = csrf != null && formTokens.containsValue(csrf) ? csrf : hex(32);
        if (!cookie.equals(csrf)) {
            exchange.getResponseHeaders().add("Set-Cookie", "csrftoken=" + cookie + "; Max-Age=31449600; Path=/; SameSite=Lax");
        }
        String token = hex(32);
        formTokens.put(token, cookie);
        send(exchange, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html lang=\"en-us\"><head><title>Log in | Django "
                + "site admin</title></head><body class=\"login\"><div id=\"content\" class=\"colM\">"
                + (refused ? "<p class=\"errornote\">Please enter the correct username and password for a staff account. "
                        + "Note that both fields may be case-sensitive.</p>" : "")
                + "<form action=\"" + LOGIN_PATH + "\" method=\"post\" id=\"login-form\"><input type=\"hidden\" "
                + "name=\"csrfmiddlewaretoken\" value=\"" + token + "\"><div class=\"form-row\"><label class=\"required\" "
                + "for=\"id_username\">Username:</label> <input type=\"text\" name=\"username\" autofocus "
                + "autocapitalize=\"none\" autocomplete=\"username\" maxlength=\"150\" required id=\"id_username\"></div>"
                + "<div class=\"form-row\"><label class=\"required\" for=\"id_password\">Password:</label> <input "
                + "type=\"password\" name=\"password\" autocomplete=\"current-password\" required id=\"id_password\">"
                + "<input type=\"hidden\" name=\"next\" value=\"/api/\"></div><div class=\"submit-row\"><input "
                + "type=\"submit\" value=\"Log in\"></div></form></div></body></html>");
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static Map<String, String> cookies(HttpExchange exchange) {
        Map<String, String> cookies = new HashMap<>();
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
        }
        return cookies;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
