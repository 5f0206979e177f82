package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.demo.DjangoLogin;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * An LNDg whose login cannot work although the credentials are good: the daemon asks with Basic auth on every
 * request as before, pays as before, and says why in one errors.log line (not one per cycle). One subclass per way.
 */
abstract class LndgLoginFallbackRouteTest extends DaemonRouteTestSupport {

    /** No login page: an LNDg behind a proxy that passes only /api/. */
    static class NoLoginPage extends LndgLoginFallbackRouteTest {
        NoLoginPage() {
            super(login -> login.mode(DjangoLogin.Mode.NO_LOGIN_PAGE), "LNDg has no login page at ");
        }
    }

    /** Django's CSRF check refuses the form: a proxy whose origin is not in LNDg's CSRF_TRUSTED_ORIGINS. */
    static class CsrfRefused extends LndgLoginFallbackRouteTest {
        CsrfRefused() {
            super(login -> login.mode(DjangoLogin.Mode.CSRF_REFUSED), "LNDg refused the login form's CSRF check (HTTP 403)");
        }
    }

    /** A user the API takes but Django's admin login does not (not staff). */
    static class NotStaff extends LndgLoginFallbackRouteTest {
        NotStaff() {
            super(login -> login.staff(false), "LNDg's login page does not take LNDG_USER=" + FakeLndg.USER);
        }
    }

    /** A proxy keeps LNDg's admin pages closed (403), the API passed through. */
    static class LoginPageForbidden extends LndgLoginFallbackRouteTest {
        LoginPageForbidden() {
            super(login -> login.mode(DjangoLogin.Mode.LOGIN_PAGE_FORBIDDEN), "LNDg's login page " + "{lndg}"
                    + "/lndg-admin/login/ answered HTTP 403");
        }
    }

    /** A single sign-on in front of LNDg's admin pages redirects the login page (not followed), the API passed through. */
    static class LoginPageRedirected extends LndgLoginFallbackRouteTest {
        LoginPageRedirected() {
            super(login -> login.mode(DjangoLogin.Mode.LOGIN_PAGE_REDIRECT), "LNDg's login page {lndg}/lndg-admin/login/ "
                    + "redirects (HTTP 302) to " + DjangoLogin.SIGN_ON.split("\\?")[0] + ": a single sign-on");
        }
    }

    /** A proxy with a Basic login of its own, with LNDg's user and password: the login page 401, Basic passes both. */
    static class ProxyLoginWithLndgsCredentials extends LndgLoginFallbackRouteTest {
        ProxyLoginWithLndgsCredentials() {
            super(login -> login.behindProxyLogin(FakeLndg.USER, FakeLndg.PASSWORD), "LNDg's login page "
                    + "{lndg}/lndg-admin/login/ answered HTTP 401 (a proxy in front of LNDg with a login of its own");
        }
    }

    private final java.util.function.Consumer<DjangoLogin> lndgLogin;
    private final String why;

    LndgLoginFallbackRouteTest(java.util.function.Consumer<DjangoLogin> lndgLogin, String why) {
        this.lndgLogin = lndgLogin;
        this.why = why;
    }

    @Override
    protected void arrange() throws IOException {
        lndgLogin.accept(lndg.login());
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.1");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "LNDG_REFRESH_SECONDS", "0", "SEND_REBALANCE_MSG", "false");
    }

    @Test
    void fallsBackToBasicAuthWithOneErrorsLogLineAndPaysAsBefore() throws Exception {
        assertTrue(await(Duration.ofSeconds(30), () -> stats().getSuccesses() >= 3 && stats().getCycles() >= 20),
                "cycles go on and pay");
        assertEquals(0, lndg.login().logins());
        assertEquals(0, stats().getFetchFailures());
        assertEquals(lndg.requests().size(), lndg.requests().stream().filter(r -> r.authorization() != null
                && r.authorization().startsWith("Basic ")).count(), "every channel request with Basic auth");
        List<String> logins = errorLines().stream().filter(l -> l.contains("[lndg-login]")).toList();
        assertEquals(1, logins.size(), String.join("\n", errorLines()));
        assertTrue(logins.get(0).contains("[lndg-login] " + why.replace("{lndg}", lndg.baseUrl())), logins.get(0));
        assertTrue(logins.get(0).contains("Basic auth on every request, so LNDg hashes the password for each one")
                && logins.get(0).endsWith("a login is tried again in an hour"), logins.get(0));
        assertEquals(1, errorLines().size(), "nothing else: " + errorLines());
        assertTrue(lndg.login().loginPosts() <= 1, "one login tried, not one per cycle: " + lndg.login().loginPosts());
    }
}
