package org.regolancer.orchestrator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.regolancer.orchestrator.settings.DotenvFile;
import org.regolancer.orchestrator.settings.SettingsException;
import java.io.InputStreamReader;
import java.util.Set;
import org.regolancer.orchestrator.ops.ErrorLog;

/**
 * Collects the raw settings in the Python orchestrator's order: {@code application.properties} (the defaults),
 * a profile's file over it, {@code ./.env} over that, the real environment over everything. The demo profile's
 * values win over all of them, so a demo never touches an operator's real node, bot or data; only its pace
 * ({@link #DEMO_PACE}) the environment may set (a test that needs other waits does).
 */
final class RawSettings {

    /** Settings are the upper-case keys; {@code camel.*} keys are Camel's own. */
    private static final Pattern SETTING = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** The demo's settings the environment may override: its order and its waits. */
    static final Set<String> DEMO_PACE = Set.of("RANDOMIZE_PAIRS", "RETRY_WAIT_MINUTES",
            "RETRY_WAIT_MAX_MINUTES");

    private RawSettings() {
    }

    /**
     * The raw settings, and what the .env file itself holds.
     *
     * @param values   every setting's value as read (the .env's other keys too)
     * @param names    the settings this daemon has (application.properties' upper-case keys)
     * @param envFile  the .env read, or null when there is none
     * @param dotenv   the .env file's own keys and values, in its order (empty without one)
     */
    record Read(Map<String, String> values, Set<String> names, Path envFile, Map<String, String> dotenv) {
    }

    static Map<String, String> load(Path workingDir, String profile, Map<String, String> environment) {
        return load(workingDir, profile, environment, null);
    }

    /** @param envFile the .env to read instead of ./.env (--env-file), or null */
    static Map<String, String> load(Path workingDir, String profile, Map<String, String> environment, Path envFile) {
        return read(workingDir, profile, environment, envFile).values();
    }

    static Read read(Path workingDir, String profile, Map<String, String> environment, Path envFile) {
        Map<String, String> values = new LinkedHashMap<>(settingsIn(properties(workingDir, "application.properties", true)));
        Set<String> names = Set.copyOf(values.keySet());
        Map<String, String> profileValues = profile == null ? Map.of()
                : settingsIn(properties(workingDir, "application-" + profile + ".properties", false));
        values.putAll(profileValues);
        Path file = envFile != null ? envFile : workingDir.resolve(".env");
        Map<String, String> dotenv = dotenv(file, envFile != null, environment);
        values.putAll(dotenv);
        for (String key : values.keySet().toArray(String[]::new)) {
            String fromEnvironment = environment.get(key);
            if (fromEnvironment != null) {
                values.put(key, fromEnvironment);
            }
        }
        if ("demo".equals(profile)) {
            profileValues.forEach((key, value) -> {
                if (!DEMO_PACE.contains(key) || !environment.containsKey(key)) {
                    values.put(key, value);
                }
            });
        }
        return new Read(values, names, Files.isRegularFile(file) ? file : null, dotenv);
    }

    private static Map<String, String> settingsIn(Properties properties) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (SETTING.matcher(key).matches()) {
                settings.put(key, properties.getProperty(key));
            }
        }
        return settings;
    }

    /**
     * The copy inside the jar, with the file in the working directory over it: an operator's older
     * application.properties keeps working when a new setting (and its default) arrives with a new jar.
     */
    private static Properties properties(Path workingDir, String name, boolean required) {
        Properties properties = new Properties();
        boolean found = false;
        try {
            try (InputStream in = RawSettings.class.getResourceAsStream("/" + name)) {
                if (in != null) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    found = true;
                }
            }
            Path file = workingDir.resolve(name);
            if (Files.isRegularFile(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                found = true;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException(name + " cannot be read (" + ErrorLog.describe(e) + ")");
        }
        if (found) {
            return properties;
        }
        if (required) {
            throw new SettingsException(name + " not found in " + workingDir + " nor in the jar");
        }
        throw new SettingsException("profile file " + name + " not found; accepted profiles: demo");
    }

    /** A .env read as python-dotenv reads it; ./.env may be missing, a file named with --env-file may not. */
    private static Map<String, String> dotenv(Path file, boolean required, Map<String, String> environment) {
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new SettingsException("--env-file " + file + " is not a file; accepted: the path of your .env");
            }
            return Map.of();
        }
        try {
            return DotenvFile.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), environment::get);
        } catch (IOException e) {
            throw new SettingsException(file + " cannot be read (" + ErrorLog.describe(e)
                    + "); accepted: a .env this user can read");
        }
    }
}
