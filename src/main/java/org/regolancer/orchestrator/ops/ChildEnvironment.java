package org.regolancer.orchestrator.ops;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The environment every program the daemon starts gets (regolancer's runs, the chart's Java process, {@code check}'s
 * {@code regolancer --version}): the daemon's own, without its secrets. Left out are the variables that carry them by
 * name ({@code LNDG_USER}, {@code LNDG_PASS}, {@code TELEGRAM_TOKEN}) and any variable whose value contains the LNDg
 * password, the bot token or LNDg's Basic-auth value ({@code user:password} in Base64). Everything else is kept:
 * operators' wrappers need {@code PATH}, {@code HTTPS_PROXY}, torsocks' variables and the like. The LNDg user alone is
 * no secret, and is not looked for in values: names such as {@code lnd} are part of {@code HOME}, {@code USER} or
 * {@code PATH}, which a child needs.
 */
public final class ChildEnvironment {

    /** The settings that hold a secret, left out by name whatever their value. */
    public static final Set<String> SECRET_NAMES = Set.of("LNDG_USER", "LNDG_PASS", "TELEGRAM_TOKEN");

    private final Map<String, String> kept;

    /**
     * @param daemon the daemon's environment ({@link System#getenv()})
     * @param lndgUser LNDg's user, as the daemon uses it
     * @param lndgPass LNDg's password, as the daemon uses it
     * @param telegramToken the bot token, or empty
     */
    public ChildEnvironment(Map<String, String> daemon, String lndgUser, String lndgPass, String telegramToken) {
        List<String> secrets = new java.util.ArrayList<>();
        for (String secret : new String[] {lndgPass, telegramToken}) {
            if (secret != null && !secret.isBlank()) {
                secrets.add(secret);
            }
        }
        if (lndgPass != null && !lndgPass.isBlank()) {
            secrets.add(Base64.getEncoder().encodeToString(((lndgUser == null ? "" : lndgUser) + ":" + lndgPass)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, String> keep = new LinkedHashMap<>();
        daemon.forEach((name, value) -> {
            String text = value == null ? "" : value;
            boolean secret = SECRET_NAMES.contains(name) || secrets.stream().anyMatch(text::contains);
            if (!secret) {
                keep.put(name, text);
            }
        });
        this.kept = Map.copyOf(keep);
    }

    /** This process's environment without the given secrets. */
    public static ChildEnvironment ofThisProcess(String lndgUser, String lndgPass, String telegramToken) {
        return new ChildEnvironment(System.getenv(), lndgUser, lndgPass, telegramToken);
    }

    /** The child's whole environment: the daemon's without secrets, plus these variables. */
    public Map<String, String> with(Map<String, String> extra) {
        Map<String, String> environment = new LinkedHashMap<>(kept);
        environment.putAll(extra);
        return environment;
    }

    /** Gives the builder's process this environment (the daemon's without secrets), replacing what it inherited. */
    public ProcessBuilder applyTo(ProcessBuilder builder) {
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(kept);
        return builder;
    }
}
