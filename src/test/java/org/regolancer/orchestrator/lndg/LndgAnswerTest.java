package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** LNDg's answers other than 200, as the operator reads them: the status, what the page says, what to do. */
class LndgAnswerTest {

    private static final URI BASE = URI.create("http://localhost:8889");

    /** Django with DEBUG on, when the request's host is not in ALLOWED_HOSTS. */
    private static final String DISALLOWED_HOST_DEBUG = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
            + "  <meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\">\n"
            + "  <title>DisallowedHost\n          at /api/channels/</title>\n"
            + "  <style type=\"text/css\">\n    html * { padding:0; margin:0; }\n  </style>\n"
            + "  <script>function hideAll(elems) { for (var e = 0; e < elems.length; e++) {} }</script>\n</head>\n<body>\n"
            + "<div id=\"summary\">\n  <h1>DisallowedHost\n       at /api/channels/</h1>\n  <pre class=\"exception_value\">"
            + "Invalid HTTP_HOST header: &#x27;localhost:8889&#x27;. You may need to add &#x27;localhost&#x27; to ALLOWED_HOSTS."
            + "</pre>\n</div></body></html>";

    @Test
    void aHostLndgDoesNotAllowNamesTheTitleAndSaysToListTheHostInAllowedHosts() {
        assertEquals("LNDg /api/channels/ answered HTTP 400 (DisallowedHost at /api/channels/): LNDg refuses the host name; "
                + "its ALLOWED_HOSTS (LNDg's settings.py) must list the host used in LNDG_BASE_URL, localhost",
                LndgAnswer.describe(BASE, "/api/channels/", 400, DISALLOWED_HOST_DEBUG));
        assertEquals("LNDg /api/channels/ answered HTTP 400 (Bad Request (400)): LNDg refuses the host name; its "
                + "ALLOWED_HOSTS (LNDg's settings.py) must list the host used in LNDG_BASE_URL, localhost",
                LndgAnswer.describe(BASE, "/api/channels/", 400, "<!doctype html>\n<html lang=\"en\">\n<head>\n  "
                        + "<title>Bad Request (400)</title>\n</head>\n<body>\n  <h1>Bad Request (400)</h1><p></p>\n</body>\n</html>\n"));
    }

    @Test
    void aPageWithoutATitleGivesItsFirst200CharactersOfTextWithoutStyleOrScript() {
        String page = "<html><head><style>body{color:red}</style><script>var secret = 1;</script></head><body><h1>Bad</h1>"
                + "<p>" + "word ".repeat(100) + "</p></body></html>";
        String excerpt = LndgAnswer.excerpt(page);
        assertTrue(excerpt.startsWith("Bad word word"), excerpt);
        assertEquals(201, excerpt.length(), "200 characters and an ellipsis");
        assertTrue(!excerpt.contains("color") && !excerpt.contains("secret") && !excerpt.contains("<"), excerpt);
    }

    @Test
    void aProxysPageCanDriveNoTerminalThroughItsTitle() {
        assertEquals("Gateway[31m down", LndgAnswer.excerpt("<html><title>Gateway\u001b[31m\u202e down</title></html>"));
    }

    @Test
    void a401OrA403ThatIsNotLndgsOwnBlamesWhatIsInFrontOfLndgNotThePassword() {
        String nginx = "<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401 "
                + "Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        String line = LndgAnswer.describe(BASE, "/api/channels/", 401, nginx);
        assertEquals("LNDg /api/channels/ answered HTTP 401 (401 Authorization Required): not LNDg's answer (LNDg's API "
                + "answers with a JSON detail): something in front of LNDg (a proxy with a login of its own?) refused the "
                + "request; the daemon sends LNDG_USER and LNDG_PASS as Basic auth, so that proxy must let LNDg's requests "
                + "through or take the same user and password", line);
        assertTrue(!LndgAnswer.describe(BASE, "/api/channels/", 403, "").contains("check LNDG_USER"), "an empty 403 neither");
        assertTrue(!LndgAnswer.describe(BASE, "/api/channels/", 401, "{\"error\":1}").contains("check LNDG_USER"));
        assertTrue(LndgAnswer.describe(BASE, "/api/channels/", 302, "").endsWith("the daemon follows no redirect: set "
                + "LNDG_BASE_URL to where LNDg's API answers itself"));
    }

    @Test
    void refusedCredentialsAndAWrongAddressSayWhatToCheck() {
        assertEquals("LNDg /api/channels/ answered HTTP 401 (Invalid username/password.): LNDg refused the login; check "
                + "LNDG_USER and LNDG_PASS (LNDg's own user and password)",
                LndgAnswer.describe(BASE, "/api/channels/", 401, "{\"detail\":\"Invalid username/password.\"}"));
        assertTrue(LndgAnswer.describe(BASE, "/api/settings/", 403,
                "{\"detail\":\"Authentication credentials were not provided.\"}").contains("check LNDG_USER and LNDG_PASS"));
        assertEquals("LNDg /api/settings/ answered HTTP 404 (Not Found): no such page; check that LNDG_BASE_URL is LNDg's "
                + "address (http://localhost:8889, without /api) and that the LNDg there is v1.10 or newer",
                LndgAnswer.describe(BASE, "/api/settings/", 404, "<!doctype html><html lang=\"en\"><head><title>Not Found</title>"
                        + "</head><body><h1>Not Found</h1><p>The requested resource was not found on this server.</p></body></html>"));
        assertEquals("LNDg /api/channels/ answered HTTP 502", LndgAnswer.describe(BASE, "/api/channels/", 502, "")
                .replace(": LNDg itself failed; its log says why", ""));
    }
}
