package org.regolancer.orchestrator.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.FakeTelegram;
import org.regolancer.orchestrator.settings.SettingsLoader;

/**
 * {@code check} against the stand-ins: every item ✓ on a node set up right, nothing ever written; the notes about the
 * settings files first.
 */
class NodeCheckTest extends NodeCheckFixture {

    @Test
    void aNodeSetUpRightPassesEveryItemAndChangesNothing() throws IOException {
        CheckReport report = check(settings(), false);
        List<String> lines = text(report);
        assertEquals(0, report.exitCode(), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ LNDg at " + lndg.baseUrl() + ": reachable, login and host "
                + "accepted, 5 open channels (5 active), every field the daemon reads present")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ LNDg login session: one login, then LNDg's API is asked with "
                + "the session")), String.join("\n", lines));
        assertEquals(1, lndg.login().logins());
        assertEquals(0, lndg.login().basicAuthentications(), "no request made LNDg hash the password but the login");
        assertTrue(lines.contains("✓ fee policy lndg: LNDg's AR-MaxFeeRate 500 ppm caps every target; MAX_FEE_PPM off (0): no ceiling of our own "
                + "over the fee limits"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("Busy") && l.contains("neither") && l.contains("6 pending HTLCs")));
        assertTrue(lines.stream().anyMatch(l -> l.contains(" T1 ") && l.contains("target") && l.contains("fee cap 65 ppm")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ pairing: 6 pairs by LNDg's rules, 4 to run now; not now: "
                + "2 with too many pending HTLCs; 0 resting")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ regolancer: ") && l.endsWith(" is Regolancer v1.12.3-standin")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ LND's macaroon")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ LND's gRPC at 127.0.0.1:" + lnd.getLocalPort())));
        assertTrue(lines.contains("✓ Telegram: token valid, the bot is @" + FakeTelegram.BOT_NAME));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ Telegram: the bot is in TELEGRAM_CHAT_ID=" + FakeTelegram.CHAT_ID)));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ DATA_DIR=" + dir.resolve("data") + " will be created")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ time: ") && l.contains("next daily report")));
        assertTrue(telegram.delivered().isEmpty(), "no message without --telegram-test");
    }

    @Test
    void theSettingsNotesComeFirstAndARelativeDataDirIsInformationWithWhatToDo() throws IOException {
        SettingsLoader.ForCheck loaded = SettingsLoader.forCheck(settings()::get, dir, false);
        CheckReport report = new NodeCheck(loaded.settings(), loaded.fileProblems(), false, Clock.systemUTC(),
                List.of(new NodeCheck.Note("/x/.env has a key this daemon does not know, ignored: MAX_WORKER (did you mean "
                        + "MAX_WORKERS?)", "correct a misspelt key")), "./data").run();
        List<String> lines = text(report);
        assertEquals("  /x/.env has a key this daemon does not know, ignored: MAX_WORKER (did you mean MAX_WORKERS?)\n"
                + "    → correct a misspelt key", lines.get(0));
        assertTrue(lines.contains("  DATA_DIR=./data is relative: it is " + dir.resolve("data") + ", inside the folder the daemon "
                + "runs in (with the launcher its versioned install folder, which the next upgrade leaves behind)\n    → set "
                + "DATA_DIR to an absolute path outside the install folder, e.g. /var/lib/regolancer-orchestrator (move the files "
                + "of the old one there)"), String.join("\n", lines));
        assertEquals(0, report.exitCode(), "information, not a ✗");
    }
}
