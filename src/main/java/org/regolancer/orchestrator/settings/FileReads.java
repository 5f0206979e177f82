package org.regolancer.orchestrator.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.regolancer.TemplateCheck;

/**
 * The settings that name files: CONFIG_TEMPLATE (read and checked), REGOLANCER_BIN and DATA_DIR (created). For
 * {@code check} ({@code fileProblems} not null) nothing is created and a bad template or binary is a problem
 * returned, not a stop.
 */
final class FileReads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FileReads() {
    }

    static Settings.Files files(SettingReader in, long lowestAmount, boolean dryRun, List<String> fileProblems) {
        Path templateFile = in.path("CONFIG_TEMPLATE");
        ObjectNode template = template(templateFile, lowestAmount, fileProblems);
        Path bin = in.path("REGOLANCER_BIN");
        if (fileProblems == null && !dryRun && !(Files.isRegularFile(bin) && Files.isExecutable(bin))) {
            throw new SettingsException("REGOLANCER_BIN=" + bin + " is not an executable file; accepted: the path of the "
                    + "regolancer binary (or set DRY_RUN=true)");
        }
        return new Settings.Files(bin, templateFile, template, dataDir(in, fileProblems));
    }

    private static ObjectNode template(Path file, long lowestAmount, List<String> fileProblems) {
        try {
            JsonNode node;
            try {
                node = JSON.readTree(Files.readString(file));
            } catch (JsonProcessingException e) {
                throw new SettingsException("CONFIG_TEMPLATE=" + file + " is not valid JSON: " + jsonError(e)
                        + "; accepted: a regolancer JSON config");
            } catch (IOException e) {
                throw new SettingsException("CONFIG_TEMPLATE=" + file + " cannot be read as JSON ("
                        + ErrorLog.describe(e) + "); accepted: a readable regolancer JSON config");
            }
            TemplateCheck.problem(node, lowestAmount).ifPresent(problem -> {
                throw new SettingsException("CONFIG_TEMPLATE=" + file + ": " + problem);
            });
            return (ObjectNode) node;
        } catch (SettingsException e) {
            if (fileProblems == null) {
                throw e;
            }
            fileProblems.add(e.getMessage());
            return JSON.createObjectNode();
        }
    }

    /**
     * Jackson's complaint in one line, its line and column first: "line 4, column 1: unexpected character '}', was
     * expecting double-quote to start field name" (not its two lines naming its own source and feature names).
     */
    static String jsonError(JsonProcessingException e) {
        String what = String.valueOf(e.getOriginalMessage()).replaceAll(" \\(code -?\\d+\\)", "")
                .replaceAll("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replaceAll("\\s+", " ").strip();
        if (what.startsWith("Unexpected character ('") && what.indexOf("'):", 23) > 0) {
            // "Unexpected character ('}'): was expecting …" → "unexpected character '}', was expecting …"
            int end = what.indexOf("'):", 23);
            what = "unexpected character '" + what.substring(23, end) + "'," + what.substring(end + 3);
        } else if (!what.isEmpty()) {
            what = Character.toLowerCase(what.charAt(0)) + what.substring(1);
        }
        JsonLocation at = e.getLocation();
        return (at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ") + what;
    }

    private static Path dataDir(SettingReader in, List<String> fileProblems) {
        Path dir = in.path("DATA_DIR");
        if (fileProblems != null) {
            return dir;
        }
        // what check asks too (without writing), before the folder is created
        DataDirs.problem(dir).ifPresent(problem -> {
            throw new SettingsException("DATA_DIR=" + dir + " " + problem + "; accepted: a writable folder");
        });
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            throw new SettingsException("DATA_DIR=" + dir + " cannot be created (" + ErrorLog.describe(e)
                    + "); accepted: a writable folder");
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new SettingsException("DATA_DIR=" + dir + " is not a writable folder; accepted: a writable folder");
        }
        return dir;
    }
}
