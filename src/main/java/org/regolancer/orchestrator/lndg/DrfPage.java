package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.regolancer.orchestrator.ops.ErrorLog;

/**
 * One page of a Django REST framework list as LNDg answers it: {@code {"count", "next", "previous", "results"}}, read
 * from its stream a row at a time (never the whole answer in memory). Each row keeps only the fields asked for, as
 * JSON scalars: other fields (a job's {@code outgoing_chan_ids} lists every source of a node) are skipped unread, and
 * no text read may be longer than {@value #MAX_TEXT} characters. Only the query of {@code next} is kept: LNDg builds
 * the link from the request's Host header, so its host may be one we must not send credentials to.
 */
public final class DrfPage {

    /** The longest text of a field read: an alias is 32 characters, a link a few hundred. */
    static final int MAX_TEXT = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_TEXT).maxNameLength(MAX_TEXT)
                    .maxNestingDepth(64).build())
            // field names are not kept in a table: a hostile answer's millions of names would stay in it
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .build());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DrfPage() {
    }

    /**
     * Reads one page, handing each row to {@code rows} (an object holding those of {@code fields} it has, or the row
     * itself when it is a number, text or null; an empty list for a list). An answer that is not such a page fails
     * as a whole with an {@link LndgException}. @return the query of the {@code next} link, empty on the last page
     */
    public static Optional<String> read(InputStream body, Set<String> fields, Consumer<JsonNode> rows) {
        try (JsonParser parser = JSON.createParser(body == null ? InputStream.nullInputStream() : body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new LndgException("LNDg answered with something other than a JSON object");
            }
            boolean results = false;
            Optional<String> next = Optional.empty();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("results".equals(name)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new LndgException("LNDg's answer has no 'results' list");
                    }
                    results = true;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        rows.accept(row(parser, fields));
                    }
                } else if ("next".equals(name)) {
                    next = nextQuery(parser, value);
                } else {
                    parser.skipChildren();
                }
            }
            if (!results) {
                throw new LndgException("LNDg's answer has no 'results' list");
            }
            // on to the answer's end (nothing but white space, as a rule), so its connection can serve the next request
            parser.nextToken();
            return next;
        } catch (JsonProcessingException e) {
            throw new LndgException("LNDg answered with invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LndgException("LNDg's answer could not be read: " + ErrorLog.describe(e));
        }
    }

    /** The same, from an answer already in memory (the tests' pages). */
    public static Optional<String> read(String body, Set<String> fields, Consumer<JsonNode> rows) {
        return read(new ByteArrayInputStream((body == null ? "" : body).getBytes(StandardCharsets.UTF_8)), fields, rows);
    }

    private static JsonNode row(JsonParser parser, Set<String> fields) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return value(parser);
        }
        ObjectNode row = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (fields.contains(name)) {
                row.set(name, value(parser));
            } else {
                // a string is skipped without being read into memory, a list or object with all it holds
                parser.skipChildren();
            }
        }
        return row;
    }

    /** A scalar as it is; a list or an object as an empty one (no field read here holds either). */
    private static JsonNode value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return NODES.arrayNode();
        }
        if (token == JsonToken.START_OBJECT) {
            parser.skipChildren();
            return NODES.objectNode();
        }
        return JSON.readTree(parser);
    }

    private static Optional<String> nextQuery(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return Optional.empty();
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new LndgException("LNDg's 'next' is neither a link nor null");
        }
        try {
            String query = new URI(parser.getText()).getRawQuery();
            if (query == null || query.isBlank()) {
                throw new LndgException("LNDg's 'next' link has no query");
            }
            return Optional.of(query);
        } catch (URISyntaxException e) {
            throw new LndgException("LNDg's 'next' is not a valid link");
        }
    }
}
