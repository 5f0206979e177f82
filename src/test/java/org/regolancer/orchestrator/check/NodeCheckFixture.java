package org.regolancer.orchestrator.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.FakeTelegram;
import org.regolancer.orchestrator.fixtures.ShippedProperties;
import org.regolancer.orchestrator.settings.SettingsLoader;

/**
 * The node every {@code check} test starts from, set up right against the stand-ins (LNDg, Telegram, a listening LND
 * gRPC port, LND's files, the stand-in regolancer); {@link #check} runs {@code check} and proves it wrote nothing and
 * printed no secret.
 */
abstract class NodeCheckFixture {

    @TempDir
    Path dir;

    FakeLndg lndg;
    FakeTelegram telegram;
    ServerSocket lnd;
    Path macaroons;

    @BeforeEach
    void aNodeSetUpRight() throws IOException {
        lndg = new FakeLndg();
        Map<String, Object> busy = source(3, "Busy");
        busy.put("htlc_count", 6);
        lndg.withChannels(List.of(source(1, "S1"), source(2, "S2"), busy, target(11, "T1"), target(12, "T2")));
        telegram = new FakeTelegram();
        lnd = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Path lndDir = Files.createDirectories(dir.resolve("lnd"));
        Files.writeString(lndDir.resolve("tls.cert"), "-----BEGIN CERTIFICATE-----\n");
        macaroons = Files.createDirectories(lndDir.resolve("data/chain/bitcoin/mainnet"));
        Files.writeString(macaroons.resolve("admin.macaroon"), "macaroon");
        Files.createDirectories(dir.resolve("cache"));
        template("127.0.0.1:" + lnd.getLocalPort());
        Path bin = Files.createDirectories(dir.resolve("bin")).resolve("regolancer");
        Files.copy(Path.of("demo/regolancer"), bin, StandardCopyOption.REPLACE_EXISTING);
        bin.toFile().setExecutable(true);
    }

    void template(String connect) throws IOException {
        Files.writeString(dir.resolve("config.template.json"), "{\"connect\":\"" + connect + "\",\"tlscert\":\""
                + dir.resolve("lnd/tls.cert") + "\",\"macaroon_dir\":\"" + macaroons + "\",\"macaroon_filename\":\"admin.macaroon\","
                + "\"node_cache_filename\":\"" + dir.resolve("cache/cache.dat") + "\",\"econ_ratio\":0.9,\"amount\":50000}");
    }

    @AfterEach
    void close() throws IOException {
        lndg.close();
        telegram.close();
        lnd.close();
    }

    Map<String, String> settings() throws IOException {
        Map<String, String> raw = ShippedProperties.read();
        raw.put("LNDG_BASE_URL", lndg.baseUrl());
        raw.put("LNDG_USER", FakeLndg.USER);
        raw.put("LNDG_PASS", FakeLndg.PASSWORD);
        raw.put("TELEGRAM_API_URL", telegram.apiUrl());
        raw.put("TELEGRAM_TOKEN", FakeTelegram.TOKEN);
        raw.put("TELEGRAM_CHAT_ID", FakeTelegram.CHAT_ID);
        raw.put("REGOLANCER_BIN", dir.resolve("bin/regolancer").toString());
        raw.put("CONFIG_TEMPLATE", dir.resolve("config.template.json").toString());
        raw.put("DATA_DIR", dir.resolve("data").toString());
        return raw;
    }

    CheckReport check(Map<String, String> raw, boolean telegramTest) throws IOException {
        List<String> before = files();
        SettingsLoader.ForCheck loaded = SettingsLoader.forCheck(raw::get, dir, false);
        CheckReport report = new NodeCheck(loaded.settings(), loaded.fileProblems(), telegramTest, Clock.systemUTC(), List.of(),
                null).run();
        assertEquals(before, files(), "check writes nothing (DATA_DIR not even created)");
        assertFalse(String.join("\n", text(report)).contains(FakeLndg.PASSWORD)
                || String.join("\n", text(report)).contains(FakeTelegram.TOKEN), "no secret printed");
        return report;
    }

    List<String> files() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(Path::toString).sorted().toList();
        }
    }

    static List<String> text(CheckReport report) {
        return report.lines().stream().map(CheckReport.Line::render).toList();
    }

    static String failure(CheckReport report) {
        List<String> failed = report.lines().stream().filter(l -> l.kind() == CheckReport.Kind.FAIL)
                .map(CheckReport.Line::render).toList();
        assertEquals(1, failed.size(), "one ✗, for the one mistake: " + String.join("\n", text(report)));
        assertEquals(1, report.exitCode());
        return failed.get(0);
    }
}
