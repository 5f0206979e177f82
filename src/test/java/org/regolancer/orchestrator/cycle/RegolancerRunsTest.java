package org.regolancer.orchestrator.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regolancer.orchestrator.ledger.Msat;
import org.regolancer.orchestrator.ledger.Payment;
import org.regolancer.orchestrator.lndg.ChannelPageParser;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelId;
import org.regolancer.orchestrator.pairing.Pair;
import org.regolancer.orchestrator.pairing.PairPlanner;
import org.regolancer.orchestrator.regolancer.PairDispatch;
import org.regolancer.orchestrator.regolancer.RunFiles;

/** A run that fails with an exception after regolancer paid (not an exit code) still hands its payments over, once. */
class RegolancerRunsTest {

    @TempDir
    Path dir;

    private RunFiles files;
    private RegolancerRuns runs;
    private RunTicket ticket;

    @BeforeEach
    void prepareOneRun() throws IOException {
        DaemonParts parts = new DaemonParts(dir, Map.of());
        files = parts.files;
        runs = parts.runs();

        List<Channel> channels;
        try (InputStream in = getClass().getResourceAsStream("/demo/lndg-channels.json")) {
            channels = new ChannelPageParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).channels();
        }
        Pair pair = new PairPlanner(List.of()).plan(channels).get(0);
        Map<ChannelId, Channel> byId = new LinkedHashMap<>();
        channels.forEach(c -> byId.put(c.id(), c));
        Instant deadline = Instant.now().plusSeconds(300);
        Cycle cycle = new Cycle(0, 19532, 500, Instant.now(), byId, 1,
                new PairDispatch(List.of(pair), 1, deadline, Clock.systemUTC()), 1);
        ticket = runs.prepare(pair, cycle);
    }

    private void regolancerPaid() throws IOException {
        Files.writeString(ticket.files().stat(), "timestamp,from_channel,to_channel,amount_msat,fees_msat\n"
                + "1764055200," + ticket.pair().source().id().value() + "," + ticket.pair().target().id().value()
                + ",19532000,17578\n");
    }

    @Test
    void aFailedRunsPaymentsAreHandedOverOnceWithTheirAliasesAndItsFilesThenGo() throws IOException {
        regolancerPaid();
        List<Payment> payments = runs.paymentsOfFailedRun(ticket);
        assertEquals(1, payments.size());
        assertEquals(ticket.pair().source().alias(), payments.get(0).sourceAlias());
        assertEquals(Msat.of(19532000), payments.get(0).amount());
        assertEquals(List.of(), runs.paymentsOfFailedRun(ticket), "never twice");

        runs.cleanup(ticket);
        assertFalse(Files.exists(ticket.files().stat()));
        assertFalse(Files.exists(ticket.files().config()));
    }

    @Test
    void aRunThatFailedBeforeRegolancerPaidHandsOverNothing() {
        assertEquals(List.of(), runs.paymentsOfFailedRun(ticket));
        assertEquals(List.of(), runs.paymentsOfFailedRun(null), "the run was never prepared");
        runs.cleanup(ticket);
        assertFalse(Files.exists(ticket.files().config()));
    }

    @Test
    void aStatFileWhosePaymentsWereNeverTakenStaysForTheNextStart() throws IOException {
        regolancerPaid();
        runs.cleanup(ticket);
        assertFalse(Files.exists(ticket.files().config()), "the config never outlives its run");
        assertTrue(Files.exists(ticket.files().stat()), "the payment is not thrown away");
        assertEquals(1, files.leftoverStatFiles().size(), "the next start finds it");
    }
}
