package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.SettableClock;
import org.regolancer.orchestrator.lndg.LndgSession.Answer;
import org.regolancer.orchestrator.lndg.LndgSession.Credentials;
import org.regolancer.orchestrator.lndg.LndgSession.Kind;
import org.regolancer.orchestrator.ops.Secrets;

class LndgSessionTest {

    private static final URI BASE = URI.create("http://127.0.0.1:8889");
    private static final String FORM = "<form method=\"post\"><input type=\"hidden\" name=\"csrfmiddlewaretoken\" "
            + "value=\"masked-token\"><input type=\"text\" name=\"username\"></form>";
    private static final Answer PAGE = new Answer(200, List.of("csrftoken=cookie-token; Max-Age=31449600; Path=/; SameSite=Lax"), FORM);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T12:00:00Z"));
    private final Secrets secrets = new Secrets("lndg-admin", "pa ss&word", "");
    private final List<String> fallbacks = new ArrayList<>();
    private final LndgSession session = new LndgSession(BASE, "lndg-admin", "pa ss&word", clock, secrets)
            .events(new LndgSession.Events() {
                @Override
                public void fellBack(String why) {
                    fallbacks.add(why);
                }

                @Override
                public void loggedIn() {
                }
            });

    /** Answers the login's requests from a script and remembers what was sent. */
    private static final class Script implements LndgSession.Transport {
        final Deque<Answer> answers = new ArrayDeque<>();
        final List<String> sent = new ArrayList<>();

        Script then(Answer... next) {
            answers.addAll(List.of(next));
            return this;
        }

        @Override
        public Answer get(URI uri, Map<String, String> headers) {
            sent.add("GET " + uri);
            return answers.removeFirst();
        }

        @Override
        public Answer postForm(URI uri, Map<String, String> headers, String form) {
            sent.add("POST " + uri + " " + headers + " " + form);
            return answers.removeFirst();
        }
    }

    private static Answer loggedIn(String id) {
        return new Answer(302, List.of("csrftoken=new; Path=/", "sessionid=" + id + "; expires=Wed, 16 Dec 2026 12:00:00 GMT; "
                + "HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax"), "");
    }

    @Test
    void logsInThroughDjangosAdminFormAndThenSendsOnlyTheSessionCookie() throws IOException {
        Script lndg = new Script().then(PAGE, loggedIn("abc123session"));
        Credentials first = session.credentials(lndg);
        assertEquals(new Credentials(Kind.SESSION, "Cookie", "sessionid=abc123session"), first);
        assertEquals("GET http://127.0.0.1:8889/lndg-admin/login/", lndg.sent.get(0));
        assertEquals("POST http://127.0.0.1:8889/lndg-admin/login/ {Cookie=csrftoken=cookie-token, "
                + "Referer=http://127.0.0.1:8889/lndg-admin/login/} csrfmiddlewaretoken=masked-token&username=lndg-admin"
                + "&password=pa+ss%26word&next=%2Fapi%2F", lndg.sent.get(1), "the form's token, the cookie's, URL-encoded");
        assertEquals(first, session.credentials(lndg), "the session is kept");
        assertEquals(2, lndg.sent.size(), "one login");
        assertEquals(1, session.logins());
        assertEquals("sid=***", secrets.scrub("sid=abc123session"), "the session id is a secret from the moment it is known");
        assertEquals(List.of(), fallbacks);
    }

    @Test
    void aRefusedSessionLogsInOnceAndTheRequestIsRepeatedWithTheNewOne() throws IOException {
        Script lndg = new Script().then(PAGE, loggedIn("first-session"), PAGE, loggedIn("second-session"));
        Credentials old = session.credentials(lndg);
        assertTrue(LndgSession.refusedSession(old, 401) && LndgSession.refusedSession(old, 403));
        session.answered(old, 401);
        Credentials renewed = session.credentials(lndg);
        assertEquals("sessionid=second-session", renewed.value());
        session.answered(old, 403);
        assertEquals(renewed, session.credentials(lndg), "another request refused with the old session uses the new one");
        assertEquals(4, lndg.sent.size(), "no third login");
        session.answered(renewed, 500);
        assertFalse(LndgSession.refusedSession(renewed, 500), "a failure that is not a refusal stands");
        assertEquals(renewed, session.credentials(lndg));
        assertEquals(2, session.logins());
    }

    @Test
    void noLoginPageFallsBackToBasicWithOneReportAndTriesAgainAfterAnHour() throws IOException {
        Answer notFound = new Answer(404, List.of(), "<title>Not Found</title>");
        Script lndg = new Script().then(notFound);
        Credentials basic = session.credentials(lndg);
        assertEquals(new Credentials(Kind.BASIC, "Authorization", "Basic bG5kZy1hZG1pbjpwYSBzcyZ3b3Jk"), basic);
        assertEquals(1, fallbacks.size());
        assertTrue(fallbacks.get(0).startsWith("LNDg has no login page at http://127.0.0.1:8889/lndg-admin/login/ (HTTP 404): "
                + "Basic auth on every request, so LNDg hashes the password for each one"), fallbacks.get(0));
        assertEquals("LNDg has no login page at http://127.0.0.1:8889/lndg-admin/login/ (HTTP 404)", session.fallback().orElseThrow().why());

        clock.advance(Duration.ofMinutes(59));
        assertEquals(basic, session.credentials(lndg));
        assertEquals(1, lndg.sent.size(), "no login within the hour");
        clock.advance(Duration.ofMinutes(1));
        lndg.then(notFound);
        assertEquals(basic, session.credentials(lndg));
        assertEquals(2, lndg.sent.size(), "tried again after an hour");
        assertEquals(1, fallbacks.size(), "the same reason is not reported again");

        clock.advance(Duration.ofHours(1));
        lndg.then(PAGE, loggedIn("at-last"));
        assertEquals(Kind.SESSION, session.credentials(lndg).kind(), "a login page that appeared is used");
        assertTrue(session.fallback().isEmpty());
    }

    @Test
    void aCsrfRefusalNamesTheOriginLndgMustTrust() throws IOException {
        Script lndg = new Script().then(PAGE, new Answer(403, List.of(), "<title>403 Forbidden</title>"));
        assertEquals(Kind.BASIC, session.credentials(lndg).kind());
        assertEquals("LNDg refused the login form's CSRF check (HTTP 403)", session.fallback().orElseThrow().why());
        assertTrue(session.fallback().orElseThrow().todo().contains("CSRF_TRUSTED_ORIGINS must list http://127.0.0.1:8889"),
                session.fallback().orElseThrow().todo());
    }

    @Test
    void theFormAgainIsDecidedByTheRequestItselfSentWithBasicAuth() throws IOException {
        Answer formAgain = new Answer(200, List.of(), "<p class=\"errornote\">Please enter the correct username</p>" + FORM);
        Script lndg = new Script().then(PAGE, formAgain);
        Credentials probe = session.credentials(lndg);
        assertEquals(Kind.BASIC_PROBE, probe.kind());
        assertEquals("Authorization", probe.header());

        // 401: a wrong password, nothing kept: the next request logs in again (fixed credentials then work)
        assertFalse(LndgSession.refusedSession(probe, 401), "not repeated: the request's own 401 stands");
        session.answered(probe, 401);
        assertTrue(session.fallback().isEmpty());
        assertEquals(List.of(), fallbacks, "a wrong password is the request's own 401, not a fallback");
        lndg.then(PAGE, formAgain);
        Credentials again = session.credentials(lndg);
        assertEquals(4, lndg.sent.size());

        // 200: the API takes the user, the admin login does not (not staff): Basic auth from now on
        session.answered(again, 200);
        assertTrue(session.fallback().orElseThrow().why().contains("does not take LNDG_USER=lndg-admin"));
        assertEquals(1, fallbacks.size());
        assertEquals(Kind.BASIC, session.credentials(lndg).kind());
        assertEquals(4, lndg.sent.size());
    }

    @Test
    void aFailingLoginPageFailsTheRequestWithLndgsAnswerAndHint() {
        Script lndg = new Script().then(new Answer(400, List.of(), "<title>Bad Request (400)</title>"));
        LndgException e = assertThrows(LndgException.class, () -> session.credentials(lndg));
        assertEquals("LNDg /lndg-admin/login/ answered HTTP 400 (Bad Request (400)): LNDg refuses the host name; its "
                + "ALLOWED_HOSTS (LNDg's settings.py) must list the host used in LNDG_BASE_URL, 127.0.0.1", e.getMessage());
        assertTrue(session.fallback().isEmpty(), "no fallback: the next request tries the login again");
    }

    @Test
    void aLoginPageThatGivesNoSessionForAnyReasonButTheCredentialsFallsBackToBasicAuth() throws IOException {
        record Case(Answer page, String why, String todo) {
        }
        List<Case> cases = List.of(
                new Case(new Answer(401, List.of(), "<title>401 Authorization Required</title>"), "LNDg's login page "
                        + "http://127.0.0.1:8889/lndg-admin/login/ answered HTTP 401 (a proxy in front of LNDg with a login of "
                        + "its own, or a server that sends the page to LNDg's API)", "pass /lndg-admin/login/ through"),
                new Case(new Answer(403, List.of(), "<title>403 Forbidden</title>"), "LNDg's login page "
                        + "http://127.0.0.1:8889/lndg-admin/login/ answered HTTP 403 (a proxy that keeps LNDg's admin pages "
                        + "closed?)", "pass /lndg-admin/login/ through"),
                new Case(new Answer(302, List.of(), "", "https://sso.example.com/st\nart?rd=%2F&state=1f3e"), "LNDg's login "
                        + "page http://127.0.0.1:8889/lndg-admin/login/ redirects (HTTP 302) to https://sso.example.com/st art: a "
                        + "single sign-on in front of LNDg? Redirects are not followed", "let the sign-on pass"),
                new Case(new Answer(405, List.of(), ""), "LNDg's login page http://127.0.0.1:8889/lndg-admin/login/ answered "
                        + "HTTP 405 without a login form", "pass /lndg-admin/login/ through"));
        for (Case c : cases) {
            fallbacks.clear();
            LndgSession fresh = new LndgSession(BASE, "lndg-admin", "pa ss&word", clock, secrets).events(new LndgSession.Events() {
                @Override
                public void fellBack(String why) {
                    fallbacks.add(why);
                }

                @Override
                public void loggedIn() {
                }
            });
            Script lndg = new Script().then(c.page());
            assertEquals(Kind.BASIC, fresh.credentials(lndg).kind(), c.why());
            assertEquals(1, lndg.sent.size(), "no form posted: " + lndg.sent);
            assertEquals(c.why(), fresh.fallback().orElseThrow().why());
            assertTrue(fresh.fallback().orElseThrow().todo().contains(c.todo()), fresh.fallback().orElseThrow().todo());
            assertEquals(1, fallbacks.size());
            assertTrue(fallbacks.get(0).startsWith(c.why() + ": Basic auth on every request"), fallbacks.get(0));
            assertEquals(Kind.BASIC, fresh.credentials(lndg).kind(), "Basic auth, no new login within the hour");
            assertEquals(1, lndg.sent.size());
            // the Basic request's own 401 is a wrong password (the request fails with its hint), not a new fallback
            fresh.answered(fresh.credentials(lndg), 401);
            assertEquals(1, fallbacks.size());
            assertEquals(c.why(), fresh.fallback().orElseThrow().why(), "the login page still cannot give a session");
        }
    }

    @Test
    void aLoginPageThatFailsOrCannotBeReachedIsAnOutageNotAFallback() {
        Script failing = new Script().then(new Answer(502, List.of(), "<title>502 Bad Gateway</title>"));
        LndgException e = assertThrows(LndgException.class, () -> session.credentials(failing));
        assertEquals("LNDg /lndg-admin/login/ answered HTTP 502 (502 Bad Gateway): LNDg itself failed; its log says why",
                e.getMessage());
        assertEquals(502, e.status());
        LndgSession.Transport refused = new LndgSession.Transport() {
            @Override
            public Answer get(URI uri, Map<String, String> headers) throws IOException {
                throw new java.net.ConnectException("Connection refused");
            }

            @Override
            public Answer postForm(URI uri, Map<String, String> headers, String form) throws IOException {
                throw new AssertionError("no form without a page");
            }
        };
        assertThrows(java.net.ConnectException.class, () -> session.credentials(refused));
        assertTrue(session.fallback().isEmpty());
        assertEquals(List.of(), fallbacks, "an outage is no reason for Basic auth: the next request tries the login again");
    }

    @Test
    void readsCookiesAndTheFormToken() {
        assertEquals("v", LoginForm.cookie(List.of("a=1; Path=/", "sessionid=\"v\"; HttpOnly"), "sessionid"));
        assertNull(LoginForm.cookie(List.of("sessionid=; expires=Thu, 01 Jan 1970 00:00:00 GMT"), "sessionid"),
                "an emptied cookie is no session");
        assertNull(LoginForm.cookie(List.of("xsessionid=1"), "sessionid"));
        assertEquals("t0k", LoginForm.token("<input value='t0k' type='hidden' name='csrfmiddlewaretoken'>"));
        assertNull(LoginForm.token("<html>no form</html>"));
    }
}
