package org.regolancer.orchestrator.ops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** Removes the LNDg password and the bot token (and their encodings) from any text before it is logged or stored. */
public final class Secrets {

    private static final Pattern BOT_TOKEN = Pattern.compile("\\d{5,}:[A-Za-z0-9_-]{20,}");
    private static final String MASK = "***";

    private final List<String> secrets = new ArrayList<>();

    public Secrets(String lndgUser, String lndgPass, String telegramToken) {
        add(lndgPass);
        add(telegramToken);
        if (notBlank(lndgPass)) {
            add(Base64.getEncoder().encodeToString((lndgUser + ":" + lndgPass).getBytes(StandardCharsets.UTF_8)));
        }
        // the longest first, so a secret containing another is masked whole
        secrets.sort((a, b) -> b.length() - a.length());
    }

    private void add(String secret) {
        if (notBlank(secret) && secret.length() >= 3) {
            secrets.add(secret);
        }
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    public String scrub(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return BOT_TOKEN.matcher(out).replaceAll(MASK);
    }
}
