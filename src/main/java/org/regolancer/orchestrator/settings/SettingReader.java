package org.regolancer.orchestrator.settings;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * One raw lookup (environment over {@code .env} over {@code application.properties}) read as typed values: each
 * method throws a {@link SettingsException} naming the setting and what it accepts. Relative paths resolve against
 * the working directory.
 */
final class SettingReader {

    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");
    private static final Set<String> FALSE = Set.of("0", "false", "no", "off");

    private final Function<String, String> raw;
    private final Path workingDir;

    SettingReader(Function<String, String> raw, Path workingDir) {
        this.raw = raw;
        this.workingDir = workingDir;
    }

    String text(String name) {
        String value = raw.apply(name);
        return value == null ? "" : value.strip();
    }

    String required(String name) {
        String value = text(name);
        if (value.isEmpty()) {
            throw new SettingsException(name + " is not set; application.properties holds its default");
        }
        return value;
    }

    boolean bool(String name) {
        String value = required(name).toLowerCase(Locale.ROOT);
        if (TRUE.contains(value)) {
            return true;
        }
        if (FALSE.contains(value)) {
            return false;
        }
        throw new SettingsException(name + "=" + text(name) + " is not a boolean; accepted: 1/true/yes/on or 0/false/no/off");
    }

    long number(String name, long min, long max) {
        String value = required(name);
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingsException(name + "=" + value + " is invalid; accepted: a whole number from " + min + " to " + max);
    }

    BigDecimal decimal(String name, long min, long max) {
        String value = required(name);
        try {
            BigDecimal n = new BigDecimal(value);
            if (n.compareTo(BigDecimal.valueOf(min)) >= 0 && n.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingsException(name + "=" + value + " is invalid; accepted: a number from " + min + " to " + max);
    }

    /** A time zone id such as Europe/Berlin or UTC; empty means the given default. */
    ZoneId zone(String name, ZoneId fallback) {
        String value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return ZoneId.of(value);
        } catch (java.time.DateTimeException e) {
            throw new SettingsException(name + "=" + value + " is invalid; accepted: a time zone id such as UTC or "
                    + "Europe/Berlin, or empty for " + fallback.getId());
        }
    }

    URI httpUrl(String name) {
        String value = required(name);
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new SettingsException(name + "=" + value + " is invalid; accepted: an http:// or https:// URL with a host "
                + "and no user, query or fragment (e.g. http://localhost:8889)");
    }

    Path path(String name) {
        String value = required(name);
        try {
            return workingDir.resolve(value).normalize();
        } catch (InvalidPathException e) {
            throw new SettingsException(name + "=" + value + " is not a valid path");
        }
    }

    /** A comma list of Telegram user ids (whole numbers); empty is none. */
    Set<Long> userIds(String name) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String item : text(name).split(",")) {
            String id = item.strip();
            if (id.isEmpty()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw new SettingsException(name + " has '" + id + "'; accepted: a comma list of numeric Telegram user ids");
            }
        }
        return Set.copyOf(ids);
    }
}
