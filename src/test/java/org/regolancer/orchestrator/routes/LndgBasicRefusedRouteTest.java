package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.demo.DjangoLogin;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/**
 * The login page gave no session, so the daemon fell back to Basic auth, and the Basic request itself is answered 401:
 * the cycles fail, and errors.log says why in two lines however many cycles fail, the fallback's and the failure's,
 * whose hint blames the right party: LNDg's own 401 the password, a proxy's own 401 the proxy. One subclass per way.
 */
abstract class LndgBasicRefusedRouteTest extends DaemonRouteTestSupport {

    /** A proxy closes the login page (403); LNDg's API refuses the password. */
    static class WrongPassword extends LndgBasicRefusedRouteTest {
        WrongPassword() {
            super(login -> login.mode(DjangoLogin.Mode.LOGIN_PAGE_FORBIDDEN), "not-the-password",
                    "answered HTTP 401 (Invalid username/password.): LNDg refused the login; check LNDG_USER and LNDG_PASS "
                            + "(LNDg's own user and password)");
        }
    }

    /** A proxy with a Basic login of its own whose user and password are not LNDg's: its 401 to everything. */
    static class ProxyLogin extends LndgBasicRefusedRouteTest {
        ProxyLogin() {
            super(login -> login.behindProxyLogin("proxy-user", "proxy-password"), FakeLndg.PASSWORD,
                    "answered HTTP 401 (401 Authorization Required): not LNDg's answer (LNDg's API answers with a JSON "
                            + "detail): something in front of LNDg (a proxy with a login of its own?) refused the request");
        }
    }

    private final Consumer<DjangoLogin> lndgLogin;
    private final String password;
    private final String failure;

    LndgBasicRefusedRouteTest(Consumer<DjangoLogin> lndgLogin, String password, String failure) {
        this.lndgLogin = lndgLogin;
        this.password = password;
        this.failure = failure;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.putAll(QUICK_LNDG_RETRIES);
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        lndgLogin.accept(lndg.login());
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.1");
    }

    @Override
    protected Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(Map.of("SLEEP_SECONDS", "0", "LNDG_REFRESH_SECONDS", "0"));
        settings.put("LNDG_PASS", password);
        return settings;
    }

    @Test
    void theCyclesFailWithTheHintThatBlamesTheRightPartyOnce() throws Exception {
        assertTrue(await(Duration.ofSeconds(20), () -> stats().getFetchFailures() >= 5), "cycles fail");
        assertEquals(List.of(), regolancer.runs());
        assertEquals(0, lndg.login().logins());
        assertTrue(lndg.requests().stream().allMatch(r -> r.authorization() != null && r.authorization().startsWith("Basic ")),
                "every channel request with Basic auth");
        List<String> errors = errorLines();
        assertEquals(2, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(0).contains("[lndg-login] LNDg's login page " + lndg.baseUrl() + "/lndg-admin/login/ answered"),
                errors.get(0));
        assertTrue(errors.get(1).contains("[lndg] channel fetch failed, cycle skipped: LNDg /api/channels/ " + failure),
                errors.get(1));
    }
}
