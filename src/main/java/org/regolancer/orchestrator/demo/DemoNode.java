package org.regolancer.orchestrator.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.regolancer.orchestrator.ledger.LedgerRow;

/**
 * The demo's node: its channels as LNDg lists them ({@code /demo/demo-node.json}: three sources, three targets, an
 * inactive and a closed channel), whose balances follow the payments of this start. Each payment the demo's ledger
 * gets from now on moves its amount from the source's local balance to the target's, so a refilled target stops
 * being a target, as on a node, and after a few minutes the node is balanced. Every start begins from the sample.
 */
final class DemoNode {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat ROWS = CSVFormat.DEFAULT.builder().setHeader("time_utc", "source_chan_id", "source_alias",
            "target_chan_id", "target_alias", "amount_sat", "fee_msat", "fee_ppm").get();

    private final JsonNode sample;
    private final Path ledger;
    private long offset;
    /** Sats that moved into (positive) or out of (negative) each channel's local balance since start. */
    private final Map<String, Long> moved = new HashMap<>();

    DemoNode(Path ledger) throws IOException {
        try (InputStream in = DemoNode.class.getResourceAsStream("/demo/demo-node.json")) {
            sample = JSON.readTree(in);
        }
        this.ledger = ledger;
        // only this start's payments move balances
        this.offset = Files.exists(ledger) ? Files.size(ledger) : 0;
    }

    /** The channels now: the sample's, with this start's payments applied. */
    synchronized byte[] channels() throws IOException {
        readNewPayments();
        ObjectNode page = sample.deepCopy();
        for (JsonNode row : page.path("results")) {
            long delta = moved.getOrDefault(row.path("chan_id").asText(), 0L);
            if (delta != 0) {
                ObjectNode channel = (ObjectNode) row;
                channel.put("local_balance", row.path("local_balance").asLong() + delta);
                channel.put("remote_balance", row.path("remote_balance").asLong() - delta);
            }
        }
        return JSON.writeValueAsBytes(page);
    }

    /** The ledger's rows written since the last look (whole lines only). */
    private void readNewPayments() throws IOException {
        if (!Files.exists(ledger)) {
            return;
        }
        long size = Files.size(ledger);
        if (size < offset) {
            // the ledger was replaced: its rows are not this start's
            offset = size;
            return;
        }
        if (size == offset) {
            return;
        }
        byte[] bytes = new byte[(int) Math.min(size - offset, 1 << 20)];
        try (RandomAccessFile file = new RandomAccessFile(ledger.toFile(), "r")) {
            file.seek(offset);
            file.readFully(bytes);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return;
        }
        String whole = text.substring(0, end + 1);
        offset += whole.getBytes(StandardCharsets.UTF_8).length;
        for (CSVRecord row : ROWS.parse(new StringReader(whole))) {
            try {
                long amount = Long.parseLong(LedgerRow.cell(row.get("amount_sat")));
                moved.merge(LedgerRow.cell(row.get("source_chan_id")), -amount, Long::sum);
                moved.merge(LedgerRow.cell(row.get("target_chan_id")), amount, Long::sum);
            } catch (RuntimeException e) {
                // the header, or a row the daemon's ledger tests break on purpose: no balance moves
            }
        }
    }
}
