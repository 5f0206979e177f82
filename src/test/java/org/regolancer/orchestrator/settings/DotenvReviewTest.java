package org.regolancer.orchestrator.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.OriginalEnv;
import org.regolancer.orchestrator.fixtures.ShippedProperties;

/** What a .env holds beyond the settings: unknown keys, the original's LightningOS keys, the original's missing keys. */
class DotenvReviewTest {

    private static final Set<String> SETTINGS = settings();

    private static Set<String> settings() {
        return ShippedProperties.read().keySet().stream().filter(k -> k.matches("[A-Z][A-Z0-9_]*")).collect(Collectors.toSet());
    }

    private static DotenvReview review(String text, Map<String, String> environment) {
        return new DotenvReview(DotenvFile.parse(text, ".env", environment::get), environment::get, SETTINGS);
    }

    private static List<String> lines(DotenvReview review) {
        Map<String, String> ours = Map.of("DRY_RUN", "false", "MAX_WORKERS", "2", "AMOUNT_INITIAL", "19532",
                "AMOUNT_INCREASE_PERCENT", "200", "AMOUNT_EVERY_ROUNDS", "1", "AMOUNT_MAX_INCREASES", "2");
        return review.findings("/srv/ro/.env", ours::get).stream().map(DotenvReview.Finding::line).toList();
    }

    @Test
    void theOriginalsEnvExampleAsShippedHasNoUnknownKeyAndNamesOnlyItsSyncSwitchesThatAreOn() {
        DotenvReview review = review(OriginalEnv.asShipped(), Map.of());
        assertEquals(List.of(), review.unknown(), "every key of the original's .env.example is known");
        assertTrue(review.original());
        // SYNC_LOS_TO_LNDG=FALSE, the sync bot's token and chat empty, SEND_REBALANCE_MSG_LOS=TRUE but no LOS_BASE_URL
        assertEquals(List.of("SEND_SYNC_TO_LNDG_CHANGES_TELEGRAM", "SEND_SYNC_TO_LNDG_ERROR_TELEGRAM"), review.lightningOsInUse());
        assertEquals(List.of(), review.fellBack(), "it sets DRY_RUN, MAX_WORKERS and the ladder");
        assertEquals(List.of("LightningOS keys set, not acted on by this daemon: SEND_SYNC_TO_LNDG_CHANGES_TELEGRAM, "
                + "SEND_SYNC_TO_LNDG_ERROR_TELEGRAM; for the LightningOS → LNDg sync, run the Python orchestrator's "
                + "sync_los_to_lndg.sh from cron or a systemd timer (it reads the same .env)"), lines(review));
    }

    @Test
    void lightningOsKeysCountWhenTheyWouldMatterInTheFileOrTheEnvironment() {
        String text = "SYNC_LOS_TO_LNDG=yes\nSEND_REBALANCE_MSG_LOS=TRUE\nTELEGRAM_SYNC_TO_LNDG_TOKEN=123:abc\nLOS_VERIFY_TLS=true\n";
        assertEquals(List.of("SYNC_LOS_TO_LNDG", "TELEGRAM_SYNC_TO_LNDG_TOKEN"), review(text, Map.of()).lightningOsInUse(),
                "LightningOS notices only with LightningOS's address; LOS_VERIFY_TLS alone does nothing");
        DotenvReview withAddress = review(text, Map.of("LOS_BASE_URL", "https://127.0.0.1:8443"));
        assertEquals(List.of("SYNC_LOS_TO_LNDG", "SEND_REBALANCE_MSG_LOS", "TELEGRAM_SYNC_TO_LNDG_TOKEN"),
                withAddress.lightningOsInUse());
        String line = lines(withAddress).stream().filter(l -> l.startsWith("LightningOS")).findFirst().orElseThrow();
        assertTrue(line.contains("(LightningOS's own rebalances are not announced)") && line.contains("sync_los_to_lndg.sh"), line);
        assertFalse(line.contains("123:abc"), "a key is named, never its value: " + line);
        assertEquals(List.of("LightningOS keys set, not acted on by this daemon: SEND_REBALANCE_MSG_LOS (LightningOS's own "
                + "rebalances are not announced)"), lines(review("SEND_REBALANCE_MSG_LOS=1\nLOS_BASE_URL=https://los:8443\n",
                        Map.of("DRY_RUN", "false"))).stream().filter(l -> l.startsWith("LightningOS")).toList(),
                "no sync to suggest");
        assertEquals(List.of(), review("SYNC_LOS_TO_LNDG=FALSE\n", Map.of()).lightningOsInUse());
    }

    @Test
    void unknownKeysOfTheFileOnlyAreNamedWithTheKnownKeyTheyAreCloseTo() {
        DotenvReview review = review("MAX_WORKER=3\nLNDG_PASSWORD=x\nlog_operational=true\nBITCOIND_RPC_USER=btc\nDRY_RUN=false\n",
                Map.of("SOME_OTHER_TOOL", "1", "MAX_WORKERZ", "2"));
        assertEquals("[MAX_WORKER (did you mean MAX_WORKERS?), LNDG_PASSWORD (did you mean LNDG_PASS?), log_operational (did "
                + "you mean LOG_OPERATIONAL?), BITCOIND_RPC_USER]", review.unknown().toString(),
                "the environment's keys are not the file's");
        assertEquals(List.of(".env has 4 keys this daemon does not know, ignored: MAX_WORKER (did you mean MAX_WORKERS?), "
                + "LNDG_PASSWORD (did you mean LNDG_PASS?), log_operational (did you mean LOG_OPERATIONAL?), BITCOIND_RPC_USER; "
                + "correct a misspelt key (README: Settings); another tool's key may stay"),
                review.findings(".env", k -> "").stream().map(DotenvReview.Finding::line).toList());
        assertFalse(review.original(), "not the original's: no missing-key line, no DRY_RUN rule");
        assertEquals(List.of(), review("SLEEP_SECONDS=5\n", Map.of()).unknown());
        assertEquals("SEND_REBALANCE_MSG_LNDG", new DotenvReview(Map.of(), k -> null, SETTINGS).nearest("SEND_REBALANCE_MSG_LND"));
        assertEquals(null, new DotenvReview(Map.of(), k -> null, SETTINGS).nearest("HOME"));
    }

    @Test
    void theOriginalsEnvWithoutDryRunStopsStartUpAndOtherMissingKeysAreNamedWithBothDefaults() {
        String noDryRun = OriginalEnv.without(OriginalEnv.asShipped(), "DRY_RUN");
        String message = assertThrows(SettingsException.class, () -> review(noDryRun, Map.of()).requireDryRun("/srv/ro/.env"))
                .getMessage();
        assertEquals("DRY_RUN is not set in /srv/ro/.env, the Python orchestrator's .env, where a missing DRY_RUN meant a dry "
                + "run (here: real payments); accepted: DRY_RUN=true or DRY_RUN=false in it", message);
        review(noDryRun, Map.of("DRY_RUN", "true")).requireDryRun(".env");

        String fewer = OriginalEnv.without(OriginalEnv.without(OriginalEnv.asShipped(), "MAX_WORKERS"), "AMOUNT_INITIAL");
        DotenvReview review = review(fewer, Map.of());
        review.requireDryRun(".env");
        assertEquals(List.of("MAX_WORKERS", "AMOUNT_INITIAL"), review.fellBack());
        assertTrue(lines(review).contains("/srv/ro/.env is the Python orchestrator's .env and lacks MAX_WORKERS, AMOUNT_INITIAL: "
                + "this daemon's defaults apply, not the original's: MAX_WORKERS=2 (there 1), AMOUNT_INITIAL=19532 (there "
                + "10000); set them in it to choose"), lines(review).toString());

        DotenvReview ours = review("LNDG_USER=u\nLNDG_PASS=p\n", Map.of());
        assertFalse(ours.original());
        ours.requireDryRun(".env");
        assertEquals(List.of(), ours.fellBack(), "another .env keeps today's defaults, said nothing about");
        assertTrue(review("SEND_REBALANCE_MSG_REGO_ORCH=TRUE\nDRY_RUN=false\n", Map.of()).original());
        assertTrue(review("LOS_VERIFY_TLS=false\nDRY_RUN=false\n", Map.of()).original());
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, DotenvReview.distance("MAX_WORKERS", "MAX_WORKERS"));
        assertEquals(1, DotenvReview.distance("MAX_WORKER", "MAX_WORKERS"));
        assertEquals(1, DotenvReview.distance("MAX_WORKERZ", "MAX_WORKERS"));
        assertEquals(4, DotenvReview.distance("LNDG_PASSWORD", "LNDG_PASS"));
        assertEquals(3, DotenvReview.distance("", "abc"));
    }
}
