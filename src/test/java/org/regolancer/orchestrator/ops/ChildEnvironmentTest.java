package org.regolancer.orchestrator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

    private static final String USER = "lnd";
    private static final String PASS = "hunter2-pass";
    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALD-child";

    /** A daemon started from a unit with Environment= lines, behind a proxy, under torsocks. */
    private static Map<String, String> daemon() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/home/lnd/bin:/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", "/home/lnd");
        env.put("USER", USER);
        env.put("HTTPS_PROXY", "http://127.0.0.1:3128");
        env.put("TORSOCKS_CONF_FILE", "/etc/tor/torsocks.conf");
        env.put("LNDG_USER", USER);
        env.put("LNDG_PASS", PASS);
        env.put("TELEGRAM_TOKEN", TOKEN);
        env.put("WRAPPER_ARGS", "--lndg-password=" + PASS + " --verbose");
        env.put("BOT_URL", "https://api.telegram.org/bot" + TOKEN + "/");
        env.put("LNDG_AUTH", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASS).getBytes(StandardCharsets.UTF_8)));
        return env;
    }

    @Test
    void secretsGoByNameAndByValueEverythingElseStays() {
        Map<String, String> child = new ChildEnvironment(daemon(), USER, PASS, TOKEN).with(Map.of("NO_COLOR", "1"));
        for (String name : new String[] {"LNDG_USER", "LNDG_PASS", "TELEGRAM_TOKEN", "WRAPPER_ARGS", "BOT_URL", "LNDG_AUTH"}) {
            assertFalse(child.containsKey(name), name + " holds a secret: " + child);
        }
        Map<String, String> expected = new HashMap<>(daemon());
        expected.keySet().removeAll(java.util.List.of("LNDG_USER", "LNDG_PASS", "TELEGRAM_TOKEN", "WRAPPER_ARGS", "BOT_URL", "LNDG_AUTH"));
        expected.put("NO_COLOR", "1");
        assertEquals(expected, child, "the proxy, torsocks, PATH, HOME and USER (the LNDg user alone is no secret) stay");
    }

    @Test
    void withoutTelegramOnlyTheLndgSecretsCount() {
        Map<String, String> env = daemon();
        env.put("EMPTY", "");
        Map<String, String> child = new ChildEnvironment(env, USER, PASS, "").with(Map.of());
        assertEquals("", child.get("EMPTY"), "an empty token matches nothing");
        assertFalse(child.containsKey("TELEGRAM_TOKEN"), "by name all the same");
        assertTrue(child.containsKey("BOT_URL"), "its value holds no secret the daemon uses");
    }

    @Test
    void aStartedChildSeesNoSecret() throws Exception {
        ProcessBuilder builder = new ChildEnvironment(daemon(), USER, PASS, TOKEN).applyTo(new ProcessBuilder("env"));
        Process env = builder.redirectErrorStream(true).start();
        String seen = new String(env.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(env.waitFor(10, TimeUnit.SECONDS));
        assertTrue(seen.contains("HTTPS_PROXY=http://127.0.0.1:3128\n") && seen.contains("TORSOCKS_CONF_FILE="), seen);
        assertFalse(seen.contains(PASS) || seen.contains("AAHdqTcvCH1vGWJxfSeofSAs0K5PALD") || seen.contains("LNDG_"), seen);
    }
}
