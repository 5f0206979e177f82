package org.regolancer.orchestrator.lndg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AnswerLimitTest {

    /** An answer that never ends: the cap, not its end, stops the read. */
    private static InputStream endless() {
        return repeating(" ");
    }

    private static InputStream repeating(String text) {
        byte[] unit = text.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long at;

            @Override
            public int read() {
                return unit[(int) (at++ % unit.length)];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                for (int i = 0; i < length; i++) {
                    buffer[offset + i] = unit[(int) (at++ % unit.length)];
                }
                return length;
            }
        };
    }

    @Test
    void anAnswerIsReadUpToTheCapAndNotOneByteFurther() throws IOException {
        byte[] exactly = new byte[1000];
        try (InputStream in = AnswerLimit.of(new ByteArrayInputStream(exactly), "/api/channels/", 1000)) {
            assertEquals(1000, in.readAllBytes().length, "an answer of exactly the cap is whole");
        }
        InputStream over = AnswerLimit.of(endless(), "/api/channels/", 1000);
        assertEquals(1000, over.readNBytes(1000).length);
        LndgException e = assertThrows(LndgException.class, over::read);
        assertTrue(e.getMessage().startsWith("LNDg /api/channels/ answered more than "), e.getMessage());
    }

    @Test
    void theCapIsSixteenMegabytesAndSaysSo() {
        InputStream endless = AnswerLimit.of(endless(), "/api/forwards/");
        LndgException e = assertThrows(LndgException.class, () -> endless.transferTo(java.io.OutputStream.nullOutputStream()));
        assertEquals("LNDg /api/forwards/ answered more than 16 MB, more than the largest real node's page; it was not read "
                + "further", e.getMessage());
    }

    @Test
    void aPageThatIsAPageStopsAtTheCapWhateverItHolds() {
        // a well-formed page whose rows never end (each with a kilobyte of notes, which are not read): the cap ends it
        StringBuilder page = new StringBuilder("{\"count\":1,\"next\":null,\"results\":[");
        String row = "{\"chan_id\":\"1\",\"notes\":\"" + "n".repeat(1000) + "\"},";
        while (page.length() <= AnswerLimit.MAX_BYTES) {
            page.append(row);
        }
        InputStream rows = new ByteArrayInputStream(page.toString().getBytes(StandardCharsets.UTF_8));
        ChannelFetch fetch = new ChannelFetch(new ChannelPageParser(), "limit=5000", 10);
        LndgException e = assertThrows(LndgException.class, () -> fetch.accept(rows));
        assertTrue(e.getMessage().contains("answered more than 16 MB"), e.getMessage());
        assertTrue(fetch.refusedCount() > 16_000, "the rows before the cap were read one by one: " + fetch.refusedCount());
        assertEquals(ChannelFetch.EXAMPLES, fetch.refusedRows().size(), "counted, only the first few kept in words");
    }

    @Test
    void theCapIsForAWholeListHoweverManyPagesItComesIn() {
        StringBuilder rows = new StringBuilder();
        String row = "{\"chan_id\":\"1\",\"notes\":\"" + "n".repeat(1000) + "\"}";
        while (rows.length() < 6 * 1024 * 1024) {
            rows.append(rows.length() == 0 ? "" : ",").append(row);
        }
        ChannelFetch fetch = new ChannelFetch(new ChannelPageParser(), "offset=0", 50);
        fetch.accept("{\"next\":\"http://h/?offset=1\",\"results\":[" + rows + "]}");
        fetch.accept("{\"next\":\"http://h/?offset=2\",\"results\":[" + rows + "]}");
        LndgException e = assertThrows(LndgException.class,
                () -> fetch.accept("{\"next\":\"http://h/?offset=3\",\"results\":[" + rows + "]}"));
        assertEquals("LNDg /api/channels/ answered more than 16 MB in its pages together, more than the largest real node's "
                + "page; it was not read further", e.getMessage());
    }

    @Test
    void anErrorPageIsReadOnlyAsFarAsItsStart() {
        String page = "<html><title>502 Bad Gateway</title>" + "x".repeat(10 * AnswerLimit.ERROR_PAGE_BYTES);
        String read = AnswerLimit.errorPage(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
        assertEquals(AnswerLimit.ERROR_PAGE_BYTES, read.length());
        assertEquals("502 Bad Gateway", LndgAnswer.excerpt(read));
        assertEquals("", AnswerLimit.errorPage(null));
    }
}
