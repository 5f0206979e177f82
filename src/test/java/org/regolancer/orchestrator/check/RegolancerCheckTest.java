package org.regolancer.orchestrator.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.chanId;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.Listening;

/**
 * {@code check}'s regolancer items: the binary, the template as regolancer reads it, LND's files and gRPC.
 */
class RegolancerCheckTest extends NodeCheckFixture {

    @Test
    void aMissingBinaryIsACrossNotAStop() throws IOException {
        Map<String, String> raw = settings();
        raw.put("REGOLANCER_BIN", dir.resolve("nowhere/regolancer").toString());
        String line = failure(check(raw, false));
        assertTrue(line.startsWith("✗ regolancer: REGOLANCER_BIN=" + dir.resolve("nowhere/regolancer") + " does not exist"), line);
    }

    @Test
    void aMacaroonThatCannotBeReadIsNamed() throws IOException {
        Files.delete(macaroons.resolve("admin.macaroon"));
        Files.createDirectory(macaroons.resolve("admin.macaroon"));
        String line = failure(check(settings(), false));
        assertTrue(line.startsWith("✗ LND's macaroon (macaroon_dir + macaroon_filename) " + macaroons.resolve("admin.macaroon")
                + " cannot be read by this user"), line);
    }

    @Test
    void aClosedGrpcPortIsNamed() throws IOException {
        template("127.0.0.1:" + Listening.freePort());
        String line = failure(check(settings(), false));
        assertTrue(line.contains("LND's gRPC at 127.0.0.1:") && line.contains("refuses") && line.contains("→ is LND running"), line);
    }

    @Test
    void aBadTemplateIsACrossNotAStop() throws IOException {
        Files.writeString(dir.resolve("config.template.json"), "{\"from\": 905399447106748416}");
        String line = failure(check(settings(), false));
        assertTrue(line.startsWith("✗ template: CONFIG_TEMPLATE=") && line.contains("'from' must be a list of strings"), line);
    }

    @Test
    void theTemplateIsReadAsRegolancerReadsItAndThePairingTableSaysWhatItAndTheMarginsRuleOut() throws IOException {
        Map<String, Object> edge = org.regolancer.orchestrator.fixtures.TestChannels.row(chanId(4), "Edge",
                org.regolancer.orchestrator.fixtures.TestChannels.peer(4), 1_000_000, 750_000, 246_530, false, 90, 75);
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2"), edge, target(11, "T1"), target(12, "T2")));
        String text = Files.readString(dir.resolve("config.template.json")).replace("\"connect\":\"127.0.0.1:" + lnd.getLocalPort(),
                "\"connect\":\"127.0.0.1:" + Listening.freePort());
        Files.writeString(dir.resolve("config.template.json"), text.replace("\"econ_ratio\":0.9,", "\"econ_raito\":0.9,\"Perc\":20,"
                + "\"exclude_channel_age\":1000,\"exclude_to\":[\"" + chanId(12) + "\"],\"Connect\":\"127.0.0.1:" + lnd.getLocalPort() + "\","));
        CheckReport report = check(settings(), false);
        List<String> lines = text(report);
        String all = String.join("\n", lines);
        assertEquals("✗ template: 'econ_raito' is not a key regolancer knows: regolancer ignores it\n    → did you mean "
                + "'econ_ratio'? fix its name or remove it", failure(report), "a misspelt econ_ratio would fall back to 1");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  template: 'perc' is dropped from every run's config")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  template: 'exclude_channel_age' is not applied")), all);
        assertTrue(lines.stream().anyMatch(l -> l.contains(" Edge ") && l.contains("neither") && l.endsWith("no margin: outbound "
                + "75 % ≥ 75 %, 0 sat above its target, below the smallest run of 10000 sat (min_amount)")), all);
        assertTrue(lines.stream().anyMatch(l -> l.contains(" S1 ") && l.contains("source") && l.endsWith("margin 150000 sat")), all);
        assertTrue(lines.stream().anyMatch(l -> l.contains(" T2 ") && l.contains("neither")
                && l.endsWith("but excluded as a target by the template's exclude_to")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ pairing: 2 pairs by LNDg's rules, 2 to run now; 1 source without "
                + "margin above its target (not paired); 0 resting")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ LND's gRPC at 127.0.0.1:" + lnd.getLocalPort())),
                "'Connect' is regolancer's connect: the last key in any case wins");
    }
}
