package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;
import org.regolancer.orchestrator.fixtures.TlsCertificate;

/**
 * LNDg behind an https proxy with a self-signed certificate (made by keytool for the test run). With the certificate in
 * LNDG_TLS_CERT every LNDg client of the daemon works over https: the cycle's (camel-http: login, channels, settings)
 * and the books' (HttpClient 5); without it, or with https to a plain-http port, each cycle fails with one errors.log
 * line naming the cause and what to do.
 */
abstract class LndgHttpsRouteTest extends DaemonRouteTestSupport {

    private static TlsCertificate certificate;

    static synchronized TlsCertificate certificate() {
        if (certificate == null) {
            try {
                certificate = TlsCertificate.generate(java.nio.file.Files.createTempDirectory(java.nio.file.Files
                        .createDirectories(Path.of("target/test-work").toAbsolutePath()), "tls-"), "lndg-https-route",
                        "ip:127.0.0.1,dns:localhost");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return certificate;
    }

    static FakeLndg overHttps() {
        try {
            return FakeLndg.overHttps(certificate().serverContext());
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The proxy's certificate in LNDG_TLS_CERT: the daemon runs as over http. */
    static class Trusted extends LndgHttpsRouteTest {
        Trusted() {
            super(overHttps());
        }

        @Override
        protected Map<String, String> settings() {
            Map<String, String> settings = new HashMap<>(super.settings());
            settings.put("LNDG_TLS_CERT", certificate().pem().toString());
            return settings;
        }

        @Test
        void everyLndgClientOfTheDaemonWorksOverHttps() throws Exception {
            assertTrue(lndg.baseUrl().startsWith("https://"));
            assertTrue(await(Duration.ofSeconds(30), () -> stats().getSuccesses() >= 2 && !lndg.booksQueries().isEmpty()),
                    "pays, and the books were read");
            assertEquals(1, lndg.login().logins(), "the login over https");
            assertFalse(lndg.settingsQueries().isEmpty(), "LNDg's settings read over https");
            assertEquals(List.of(), errorLines());
        }
    }

    /** No LNDG_TLS_CERT: the system does not trust a self-signed certificate. */
    static class NotTrusted extends LndgHttpsRouteTest {
        NotTrusted() {
            super(overHttps());
        }

        @Test
        void eachCycleFailsWithOneLineThatSaysSetLndgTlsCert() throws Exception {
            assertTrue(await(Duration.ofSeconds(20), () -> stats().getFetchFailures() >= 3), "cycles fail");
            List<String> errors = errorLines();
            assertEquals(1, errors.size(), String.join("\n", errors));
            assertTrue(errors.get(0).endsWith("[lndg] channel fetch failed, cycle skipped: LNDg /api/channels/ could not be "
                    + "reached (" + lndg.baseUrl() + "): its certificate is not trusted (no certification path to a trusted "
                    + "certificate): set LNDG_TLS_CERT to the PEM certificate the https proxy in front of LNDg serves (or its "
                    + "CA's); the host name is still checked"), errors.get(0));
            assertEquals(0, lndg.login().loginPosts(), "no password sent to a server not trusted");
        }
    }

    /** https:// to LNDg's own plain-http port: said within seconds, not after the 30 s read timeout. */
    static class PlainHttpPort extends LndgHttpsRouteTest {
        PlainHttpPort() {
            super(null);
        }

        @Override
        protected Map<String, String> settings() {
            Map<String, String> settings = new HashMap<>(super.settings());
            settings.put("LNDG_BASE_URL", lndg.baseUrl().replace("http://", "https://"));
            return settings;
        }

        @Test
        void eachCycleFailsWithOneLineThatSaysThePortSpeaksPlainHttp() throws Exception {
            assertTrue(await(Duration.ofSeconds(25), () -> stats().getFetchFailures() >= 1), "a cycle failed");
            List<String> errors = errorLines();
            assertEquals(1, errors.size(), String.join("\n", errors));
            assertTrue(errors.get(0).contains("could not be reached (" + lndg.baseUrl().replace("http://", "https://")
                    + "): https:// to a port that speaks plain http: LNDg itself serves plain http: use "
                    + lndg.baseUrl()), errors.get(0));
        }
    }

    LndgHttpsRouteTest(FakeLndg lndg) {
        super(lndg);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.putAll(QUICK_LNDG_RETRIES);
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.1");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "0", "LNDG_REFRESH_SECONDS", "0", "SEND_REBALANCE_MSG", "false");
    }
}
