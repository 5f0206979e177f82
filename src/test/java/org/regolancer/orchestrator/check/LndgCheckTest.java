package org.regolancer.orchestrator.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.Listening;

/**
 * {@code check}'s LNDg items: reach, login (session or Basic auth, and who refused), https with LNDG_TLS_CERT, LNDg's
 * settings (fee cap, payment cleaning); each mistake the right ✗ line with what to do.
 */
class LndgCheckTest extends NodeCheckFixture {

    @Test
    void lndgRefusingTheHostNamesAllowedHosts() throws IOException {
        lndg.thenAnswer(new FakeLndg.Answer(400, "text/html", "<!doctype html><html><head><title>Bad Request (400)</title>"
                + "</head><body><h1>Bad Request (400)</h1></body></html>", 0));
        String line = failure(check(settings(), false));
        assertTrue(line.startsWith("✗ LNDg at " + lndg.baseUrl() + ": LNDg /api/channels/ answered HTTP 400 (Bad Request (400))\n"
                + "    → LNDg refuses the host name; its ALLOWED_HOSTS"), line);
    }

    @Test
    void anLndgWithoutALoginPageIsInformationWithWhatToDoNotAFailure() throws IOException {
        lndg.login().mode(org.regolancer.orchestrator.demo.DjangoLogin.Mode.NO_LOGIN_PAGE);
        CheckReport report = check(settings(), false);
        List<String> lines = text(report);
        assertEquals(0, report.exitCode(), String.join("\n", lines));
        String line = lines.stream().filter(l -> l.contains("Basic auth on every request")).findFirst().orElseThrow();
        assertTrue(line.startsWith("  LNDg: Basic auth on every request (LNDg has no login page at " + lndg.baseUrl()
                + "/lndg-admin/login/ (HTTP 404)): LNDg hashes the password for each request\n    → LNDG_BASE_URL must be "
                + "LNDg's own address"), line);
        assertTrue(lndg.login().basicAuthentications() >= 2, "channels and settings with Basic auth");
    }

    @Test
    void lndgRefusingTheLoginSaysCheckUserAndPassword() throws IOException {
        // the login page refuses the form; the request itself, sent with Basic auth, gets LNDg's 401 (as before logins)
        Map<String, String> raw = settings();
        raw.put("LNDG_PASS", "wrong-password");
        String line = failure(check(raw, false));
        assertTrue(line.contains("answered HTTP 401 (Invalid username/password.)") && line.contains("→ LNDg refused the login; "
                + "check LNDG_USER and LNDG_PASS"), line);
    }

    @Test
    void aLoginPageAProxyClosesIsInformationAndEachRefusalOfBasicAuthNamesWhoRefused() throws IOException {
        lndg.login().mode(org.regolancer.orchestrator.demo.DjangoLogin.Mode.LOGIN_PAGE_FORBIDDEN);
        String fallback = "  LNDg: Basic auth on every request (LNDg's login page " + lndg.baseUrl() + "/lndg-admin/login/ "
                + "answered HTTP 403 (a proxy that keeps LNDg's admin pages closed?)): LNDg hashes the password for each "
                + "request\n    → a proxy in front of LNDg must pass /lndg-admin/login/ through to it";
        CheckReport works = check(settings(), false);
        assertEquals(0, works.exitCode(), String.join("\n", text(works)));
        assertTrue(text(works).contains(fallback), String.join("\n", text(works)));

        // the same node with a wrong password: LNDg's own 401 to the Basic request
        Map<String, String> raw = settings();
        raw.put("LNDG_PASS", "wrong-password");
        CheckReport wrong = check(raw, false);
        assertTrue(failure(wrong).contains("answered HTTP 401 (Invalid username/password.)\n    → LNDg refused the login; "
                + "check LNDG_USER and LNDG_PASS"), failure(wrong));
        assertTrue(text(wrong).contains(fallback), "why the request went with Basic auth: " + String.join("\n", text(wrong)));

        // a proxy with a login of its own that does not take LNDg's user and password: its 401, not LNDg's
        lndg.login().behindProxyLogin("proxy-user", "proxy-password");
        CheckReport proxy = check(settings(), false);
        assertTrue(failure(proxy).contains("answered HTTP 401 (401 Authorization Required)\n    → not LNDg's answer (LNDg's "
                + "API answers with a JSON detail): something in front of LNDg (a proxy with a login of its own?)"), failure(proxy));
        assertTrue(text(proxy).stream().anyMatch(l -> l.startsWith("  LNDg: Basic auth on every request (LNDg's login page "
                + lndg.baseUrl() + "/lndg-admin/login/ answered HTTP 401")), String.join("\n", text(proxy)));
    }

    @Test
    void lndgBehindHttpsIsCheckedWithLndgTlsCertAndItsAbsenceNamed() throws Exception {
        org.regolancer.orchestrator.fixtures.TlsCertificate cert = org.regolancer.orchestrator.fixtures.TlsCertificate
                .generate(dir.resolve("tls"), "lndg-check", "ip:127.0.0.1");
        try (FakeLndg https = FakeLndg.overHttps(cert.serverContext())) {
            https.withChannels(List.of(source(1, "S1"), target(11, "T1")));
            Map<String, String> raw = settings();
            raw.put("LNDG_BASE_URL", https.baseUrl());
            raw.put("LNDG_TLS_CERT", cert.pem().toString());
            CheckReport trusted = check(raw, false);
            assertTrue(text(trusted).stream().anyMatch(l -> l.startsWith("✓ LNDg at " + https.baseUrl() + ": reachable (its "
                    + "certificate trusted through LNDG_TLS_CERT=" + cert.pem() + "), login and host accepted, 2 open channels")),
                    String.join("\n", text(trusted)));
            assertEquals(0, trusted.exitCode(), String.join("\n", text(trusted)));

            raw.put("LNDG_TLS_CERT", "");
            String line = failure(check(raw, false));
            assertTrue(line.startsWith("✗ LNDg at " + https.baseUrl() + ": LNDg /api/channels/ could not be reached ("
                    + https.baseUrl() + "): its certificate is not trusted (no certification path to a trusted certificate)\n"
                    + "    → set LNDG_TLS_CERT to the PEM certificate the https proxy in front of LNDg serves"), line);
        }
    }

    @Test
    void lndgsCleaningOfLndsFailedPaymentsIsReadFromItsSettingsWithItsDefaults() throws IOException {
        String off = "  LND's failed payments: LNDg does not delete them (LND-CleanPayments 0, LNDg's default): every "
                + "regolancer run that finds no route leaves a failed payment in LND's channel.db, which then grows for good\n"
                + "    → turn it on in LNDg: its Advanced page (/advanced/), local settings \"LND Clean Payments\" 1 and \"LND "
                + "Retention\" the days to keep them (30 by default); the settings LND-CleanPayments=1 and LND-RetentionDays of "
                + "LNDg's /api/settings/ (README: Run it for years)";
        CheckReport report = check(settings(), false);
        assertTrue(text(report).contains(off), String.join("\n", text(report)));
        assertEquals(0, report.exitCode(), "information, not a failure");

        lndg.withSetting("LND-CleanPayments", null).withSetting("LND-RetentionDays", null);
        assertTrue(text(check(settings(), false)).contains(off), "no rows: LNDg's default, off");

        lndg.withSetting("LND-CleanPayments", "1").withSetting("LND-RetentionDays", "14");
        Map<String, String> template = settings();
        template.put("FEE_POLICY", "template");
        List<String> on = text(check(template, false));
        assertTrue(on.contains("✓ LND's failed payments: LNDg deletes them after 14 days (LND-CleanPayments 1): what failed "
                + "runs leave does not pile up in LND's channel.db"), "read under either fee policy: " + String.join("\n", on));

        lndg.withSetting("LND-CleanPayments", "yes");
        assertTrue(text(check(settings(), false)).stream().anyMatch(l -> l.startsWith("  LND's failed payments: LNDg's "
                + "LND-CleanPayments is 'yes', not 0 or 1, which LNDg cannot read either\n    → turn it on in LNDg")));
    }

    @Test
    void aWrongLndgAddressSaysCheckTheBaseUrl() throws IOException {
        Map<String, String> raw = settings();
        raw.put("LNDG_BASE_URL", lndg.baseUrl() + "/lndg");
        String line = failure(check(raw, false));
        assertTrue(line.contains("answered HTTP 404") && line.contains("→ no such page; check that LNDG_BASE_URL is LNDg's address"),
                line);
    }

    @Test
    void lndgRefusingTheConnectionGivesTheHintTheDaemonsLogLineGivesToo() throws IOException {
        Map<String, String> raw = settings();
        raw.put("LNDG_BASE_URL", "http://127.0.0.1:" + Listening.freePort());
        String line = failure(check(raw, false));
        assertTrue(line.contains("could not be reached") && line.contains("Connection refused\n    → "
                + org.regolancer.orchestrator.lndg.LndgAnswer.UNREACHABLE_HINT), line);
    }

    @Test
    void maxFeePpmIsInTheFeeLineAndCapsWhatThePairingTableShowsValuesOutsideLndgsRangesAreNamed() throws IOException {
        Map<String, Object> odd = target(13, "Odd");
        odd.put("ar_max_cost", 2_000_000_000);
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1"), odd)).withSetting("AR-MaxFeeRate", "9999");
        Map<String, String> raw = settings();
        raw.put("MAX_FEE_PPM", "40");
        List<String> lines = text(check(raw, false));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ LNDg at ") && l.endsWith("; 1 rows with a value outside LNDg's "
                + "range: chan_id " + org.regolancer.orchestrator.fixtures.TestChannels.chanId(13) + ": ar_max_cost 2000000000 is "
                + "outside LNDg's 0–100, taken as unknown")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✗ LNDg's settings (/api/settings/): LNDg's AR-MaxFeeRate is 9999 ppm, "
                + "outside 1–5000")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("MAX_FEE_PPM 40: no run's fee limit above 40 ppm")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains(" T1 ") && l.contains("fee cap 40 ppm")),
                "LNDg's 65 ppm for T1 capped at 40: " + String.join("\n", lines));
    }
}
