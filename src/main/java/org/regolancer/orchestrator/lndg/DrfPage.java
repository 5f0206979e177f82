package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * One page of a Django REST framework list as LNDg answers it: {@code {"count", "next", "previous", "results"}}.
 * Only the query of {@code next} is kept: LNDg builds the link from the request's Host header, so its host may be
 * one we must not send credentials to.
 */
public final class DrfPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DrfPage() {
    }

    /** The page's JSON object; an answer that is not one fails as a whole. */
    public static JsonNode root(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new LndgException("LNDg answered with invalid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new LndgException("LNDg answered with something other than a JSON object");
        }
        return root;
    }

    public static JsonNode results(JsonNode root) {
        JsonNode results = root.get("results");
        if (results == null || !results.isArray()) {
            throw new LndgException("LNDg's answer has no 'results' list");
        }
        return results;
    }

    /** The query of the {@code next} link, or empty on the last page. */
    public static Optional<String> nextQuery(JsonNode root) {
        JsonNode next = root.get("next");
        if (next == null || next.isNull()) {
            return Optional.empty();
        }
        if (!next.isTextual()) {
            throw new LndgException("LNDg's 'next' is neither a link nor null");
        }
        try {
            String query = new URI(next.asText()).getRawQuery();
            if (query == null || query.isBlank()) {
                throw new LndgException("LNDg's 'next' link has no query");
            }
            return Optional.of(query);
        } catch (URISyntaxException e) {
            throw new LndgException("LNDg's 'next' is not a valid link");
        }
    }
}
