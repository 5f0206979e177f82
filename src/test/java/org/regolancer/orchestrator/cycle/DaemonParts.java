package org.regolancer.orchestrator.cycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.regolancer.orchestrator.fixtures.ShippedProperties;
import org.regolancer.orchestrator.judgment.Judgment;
import org.regolancer.orchestrator.judgment.PairWaits;
import org.regolancer.orchestrator.judgment.RefillBudget;
import org.regolancer.orchestrator.ledger.Ledger;
import org.regolancer.orchestrator.lndg.ChannelPageParser;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.ops.Secrets;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.regolancer.RunFiles;
import org.regolancer.orchestrator.settings.Settings;
import org.regolancer.orchestrator.settings.SettingsLoader;

/**
 * The parts the cycle's classes are made of, as the daemon makes them: settings from application.properties (and the
 * test's own), the RAM folder and DATA_DIR in the test's folder, errors.log, the counters, the judgment and its judge.
 */
final class DaemonParts {

    final Settings settings;
    final RunFiles files;
    final ErrorLog errors;
    final CycleStats stats = new CycleStats();
    final Judge judge;

    DaemonParts(Path dir, Map<String, String> own) throws IOException {
        Map<String, String> raw = ShippedProperties.read();
        raw.putAll(Map.of("LNDG_USER", "u", "LNDG_PASS", "p", "DATA_DIR", dir.resolve("data").toString(),
                "REGOLANCER_BIN", Path.of("demo/regolancer").toAbsolutePath().toString(),
                "CONFIG_TEMPLATE", Path.of("config.template.json").toAbsolutePath().toString()));
        raw.putAll(own);
        settings = SettingsLoader.load(raw::get, dir, false);
        files = new RunFiles(Files.createDirectories(dir.resolve("ram")), settings.files().dataDir());
        errors = new ErrorLog(settings.files().dataDir().resolve("errors.log"), new Secrets("u", "p", ""), Clock.systemUTC());
        Judgment judgment = new Judgment(settings.judgment().feePolicy(), settings.judgment().maxPendingHtlcs(),
                new PairWaits(Duration.ofMinutes(30), Duration.ofHours(6)), null, RefillBudget.OFF);
        judge = new Judge(judgment, files, stats, errors, Clock.systemUTC(), false);
    }

    RegolancerRuns runs() {
        return new RegolancerRuns(settings, files, stats, errors, new Ledger(settings.files().dataDir().resolve("rebalances.csv"),
                files, errors), Clock.systemUTC(), judge, null);
    }

    /** LNDg's rows (TestChannels) as the channels the daemon reads from them. */
    static List<Channel> channels(List<Map<String, Object>> rows) throws IOException {
        String page = new ObjectMapper().writeValueAsString(Map.of("count", rows.size(), "results", rows));
        return new ChannelPageParser().parse(page).channels();
    }
}
