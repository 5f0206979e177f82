package org.regolancer.orchestrator.ops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the LNDg password, the bot token (and their encodings) and every LNDg session id learnt at run time from
 * any text before it is logged or stored. One per process: the daemon's errors.log, regolancer's output and the
 * LNDg session all share it, so a session id is masked everywhere from the moment it is known.
 */
public final class Secrets {

    private static final Pattern BOT_TOKEN = Pattern.compile("\\d{5,}:[A-Za-z0-9_-]{20,}");
    private static final String MASK = "***";

    /** Replaced whole when a secret is learnt (rarely: a login), read without a lock on every scrub. */
    private volatile List<String> secrets = List.of();

    public Secrets(String lndgUser, String lndgPass, String telegramToken) {
        learn(lndgPass);
        learn(telegramToken);
        if (notBlank(lndgPass)) {
            learn(Base64.getEncoder().encodeToString((lndgUser + ":" + lndgPass).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** A secret known only at run time (an LNDg session id): masked from now on. */
    public synchronized void learn(String secret) {
        if (!notBlank(secret) || secret.length() < 3 || secrets.contains(secret)) {
            return;
        }
        List<String> more = new ArrayList<>(secrets);
        more.add(secret);
        // the longest first, so a secret containing another is masked whole
        more.sort(Comparator.comparingInt(String::length).reversed());
        secrets = List.copyOf(more);
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
