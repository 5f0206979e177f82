package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.TlsCertificate;
import org.regolancer.orchestrator.ops.Secrets;

/**
 * LNDg behind https with a self-signed certificate (made by keytool for the test): trusted through LNDG_TLS_CERT beside
 * the system's, the host name still checked, and each way it goes wrong named for what it is, an https URL on a
 * plain-http port well before the read timeout.
 */
class LndgTlsTest {

    @TempDir
    static Path dir;
    static TlsCertificate lndg;
    static TlsCertificate other;
    static TlsCertificate elsewhere;

    @BeforeAll
    static void certificates() throws Exception {
        lndg = TlsCertificate.generate(dir, "lndg-proxy", "ip:127.0.0.1,dns:localhost");
        other = TlsCertificate.generate(dir, "other-proxy", "ip:127.0.0.1");
        elsewhere = TlsCertificate.generate(dir, "elsewhere", "dns:lndg.example.com");
    }

    private static String settings(FakeLndg server, LndgTls tls, Duration read) {
        LndgSession session = new LndgSession(URI.create(server.baseUrl()), FakeLndg.USER, FakeLndg.PASSWORD, Clock.systemUTC(),
                new Secrets(FakeLndg.USER, FakeLndg.PASSWORD, ""));
        StringBuilder keys = new StringBuilder();
        new LndgHttp(session, read, tls).page("/api/settings/", "limit=500", java.util.Set.of("key"),
                row -> keys.append(row.path("key").asText()).append('\n'));
        return keys.toString();
    }

    @Test
    void readsEveryCertificateOfAPemFileAndRefusesAFileWithoutOne() throws IOException {
        Path two = dir.resolve("two.pem");
        Files.writeString(two, "subject=CN=lndg-proxy\n" + Files.readString(lndg.pem()) + "\nissuer=…\n" + Files.readString(other.pem()));
        assertEquals(2, LndgTls.read(two).certificateCount());
        assertEquals("cannot be read (no such file: " + dir.resolve("missing.pem") + ")",
                assertThrows(IllegalArgumentException.class, () -> LndgTls.read(dir.resolve("missing.pem"))).getMessage());
        Path der = dir.resolve("not.pem");
        Files.writeString(der, "this is not a certificate");
        assertEquals("holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                assertThrows(IllegalArgumentException.class, () -> LndgTls.read(der)).getMessage());
        Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LndgTls.read(broken)).getMessage()
                .startsWith("holds a certificate that cannot be read"));
        Path key = dir.resolve("key.pem");
        Files.writeString(key, Files.readString(lndg.pem()) + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertEquals("holds a private key; give it the certificate only",
                assertThrows(IllegalArgumentException.class, () -> LndgTls.read(key)).getMessage());
    }

    @Test
    void anHttpsLndgIsReadWhenLndgTlsCertHoldsItsCertificateAndNamedWhenNot() throws Exception {
        try (FakeLndg https = FakeLndg.overHttps(lndg.serverContext())) {
            assertTrue(https.baseUrl().startsWith("https://127.0.0.1:"));
            assertTrue(settings(https, LndgTls.read(lndg.pem()), Duration.ofSeconds(30)).contains("AR-MaxFeeRate"));
            assertEquals(1, https.login().logins(), "the login went over https too");

            LndgException untrusted = assertThrows(LndgException.class, () -> settings(https, LndgTls.SYSTEM, Duration.ofSeconds(30)));
            assertEquals("LNDg /api/settings/ could not be reached (" + https.baseUrl() + "): its certificate is not trusted "
                    + "(no certification path to a trusted certificate): set LNDG_TLS_CERT to the PEM certificate the https "
                    + "proxy in front of LNDg serves (or its CA's); the host name is still checked", untrusted.getMessage());
            assertTrue(untrusted.hint().startsWith("set LNDG_TLS_CERT"), untrusted.hint());

            LndgException wrongFile = assertThrows(LndgException.class,
                    () -> settings(https, LndgTls.read(other.pem()), Duration.ofSeconds(30)));
            assertTrue(wrongFile.hint().startsWith("LNDG_TLS_CERT=" + other.pem() + " holds neither the certificate LNDg's "
                    + "https proxy serves nor its CA's"), wrongFile.hint());
        }
    }

    @Test
    void theHostNameIsStillChecked() throws Exception {
        try (FakeLndg https = FakeLndg.overHttps(elsewhere.serverContext())) {
            LndgException e = assertThrows(LndgException.class,
                    () -> settings(https, LndgTls.read(elsewhere.pem()), Duration.ofSeconds(30)));
            assertTrue(e.getMessage().contains("its certificate does not name the host 127.0.0.1"), e.getMessage());
            assertEquals(0, https.login().loginPosts(), "no password sent to a host the certificate does not name");
        }
    }

    @Test
    void httpsToAPlainHttpPortIsNamedWellBeforeTheReadTimeout() throws Exception {
        try (FakeLndg plain = new FakeLndg()) {
            FakeLndg asHttps = plain;
            String https = plain.baseUrl().replace("http://", "https://");
            LndgSession session = new LndgSession(URI.create(https), FakeLndg.USER, FakeLndg.PASSWORD, Clock.systemUTC(),
                    new Secrets(FakeLndg.USER, FakeLndg.PASSWORD, ""));
            Instant start = Instant.now();
            LndgException e = assertThrows(LndgException.class,
                    () -> new LndgHttp(session, Duration.ofSeconds(30), LndgTls.SYSTEM).page("/api/settings/", "limit=500",
                            java.util.Set.of("key"), row -> { }));
            Duration took = Duration.between(start, Instant.now());
            assertEquals("LNDg /api/settings/ could not be reached (" + https + "): https:// to a port that speaks plain "
                    + "http: LNDg itself serves plain http: use http://" + URI.create(https).getRawAuthority() + ", or the "
                    + "https port of the proxy in front of LNDg", e.getMessage());
            assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "not the 30 s read timeout: " + took);
            assertEquals(0, asHttps.login().loginPosts());
        }
    }

    @Test
    void plainHttpToAnotherMachineIsNamedButNotOnThisOne() {
        assertTrue(LndgTls.cleartext(URI.create("http://192.168.1.20:8889")).orElseThrow().what()
                .startsWith("LNDG_BASE_URL=http://192.168.1.20:8889 is plain http to another machine"));
        assertTrue(LndgTls.cleartext(URI.create("http://lndg.lan:8889")).isPresent());
        assertTrue(LndgTls.cleartext(URI.create("http://lndg.lan:8889")).orElseThrow().todo().contains("LNDG_TLS_CERT"));
        for (String local : new String[] {"http://localhost:8889", "http://127.0.0.1:8889", "http://127.1.2.3",
                "http://[::1]:8889", "http://[::ffff:127.0.0.1]:8889", "https://192.168.1.20", "http://LOCALHOST"}) {
            assertTrue(LndgTls.cleartext(URI.create(local)).isEmpty(), local);
        }
    }
}
