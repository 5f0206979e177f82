package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrfPageTest {

    private static List<JsonNode> rows(String page, String... fields) {
        List<JsonNode> rows = new ArrayList<>();
        DrfPage.read(page, Set.of(fields), rows::add);
        return rows;
    }

    @Test
    void eachRowKeepsOnlyTheFieldsAskedForAndLongOnesItDoesNotReadAreSkippedUnread() {
        // a job of a big node lists every source: far more text than any field read may hold, and not read
        String ids = "[" + "905399447106748416, ".repeat(10_000) + "1]";
        String page = "{\"count\":2,\"next\":null,\"previous\":null,\"results\":[{\"id\":7,\"outgoing_chan_ids\":\"" + ids
                + "\",\"notes\":{\"deep\":[1,2,{\"x\":3}]},\"fees_paid\":0.4,\"target_alias\":\"T\"},{\"id\":6,\"fees_paid\":null}]}";
        assertTrue(ids.length() > DrfPage.MAX_TEXT);
        List<JsonNode> rows = rows(page, "id", "fees_paid", "notes");
        assertEquals(2, rows.size());
        assertEquals("{\"id\":7,\"notes\":{},\"fees_paid\":0.4}", rows.get(0).toString(), "a field read that holds an object is empty");
        assertEquals("{\"id\":6,\"fees_paid\":null}", rows.get(1).toString());
    }

    @Test
    void aFieldReadThatIsLongerThanAnyRealOneFailsThePage() {
        String page = "{\"results\":[{\"alias\":\"" + "a".repeat(DrfPage.MAX_TEXT + 1) + "\"}],\"next\":null}";
        LndgException e = assertThrows(LndgException.class, () -> rows(page, "alias"));
        assertTrue(e.getMessage().startsWith("LNDg answered with invalid JSON: String value length"), e.getMessage());
    }

    @Test
    void rowsThatAreNoObjectsComeAsTheyAreListsAsEmptyOnes() {
        List<JsonNode> rows = rows("{\"results\":[5,\"x\",null,[1,[2]],{}],\"next\":null}", "a");
        assertEquals("[5, \"x\", null, [], {}]", rows.toString());
    }

    @Test
    void theQueryOfNextIsKeptWhereverItStandsAndBadPagesFailWhole() {
        Optional<String> next = DrfPage.read("{\"results\":[],\"next\":\"http://evil.example/api/x/?limit=5&offset=5\"}",
                Set.of(), r -> { });
        assertEquals(Optional.of("limit=5&offset=5"), next);
        assertEquals(Optional.empty(), DrfPage.read("{\"next\":null,\"results\":[]}", Set.of(), r -> { }));
        for (String bad : new String[] {"", "[]", "<html>502</html>", "{\"count\":1}", "{\"results\":{}}",
                "{\"results\":[{\"a\":", "{\"results\":[],\"next\":5}", "{\"results\":[],\"next\":\"http://h/x\"}"}) {
            assertThrows(LndgException.class, () -> DrfPage.read(bad, Set.of("a"), r -> { }), bad);
        }
    }
}
