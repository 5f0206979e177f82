package org.regolancer.orchestrator.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.regolancer.orchestrator.ops.OwnerOnlyFiles;

/**
 * {@code DATA_DIR/notices-pending.jsonl}: the payment notices a stop left unsent, one JSON object a line
 * ({@code {"text": …}}), written only when some wait (one atomic, synced, owner-only write), read at the next start
 * and removed once they are sent.
 */
public final class PendingNotices {

    public static final String FILE = "notices-pending.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public PendingNotices(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public void write(List<String> texts) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String text : texts) {
            ObjectNode line = JSON.createObjectNode();
            line.put("text", text);
            out.append(JSON.writeValueAsString(line)).append('\n');
        }
        OwnerOnlyFiles.replace(file, out.toString());
    }

    /** The notices that waited, in order; a line that cannot be read is skipped. */
    public List<String> read() throws IOException {
        List<String> texts = new ArrayList<>();
        if (!Files.exists(file)) {
            return texts;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                JsonNode text = JSON.readTree(line).get("text");
                if (text != null && text.isTextual() && !text.asText().isEmpty()) {
                    texts.add(text.asText());
                }
            } catch (IOException | RuntimeException e) {
                // half a line from a disk that filled up: skipped
            }
        }
        return texts;
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
