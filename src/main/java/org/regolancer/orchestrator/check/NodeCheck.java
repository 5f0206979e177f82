package org.regolancer.orchestrator.check;

import java.time.Clock;
import java.util.List;
import org.regolancer.orchestrator.settings.Settings;
import org.regolancer.orchestrator.wiring.Parts;

/**
 * {@code check}: is this node set up right? Reads what the daemon would read and tries what it would do, changing
 * nothing: no file written, no lock taken, regolancer only asked its version, Telegram only asked who the bot is and
 * whether it is in the chat (a message only when asked for). Each item is a check of its own, all on one report; the
 * parts they read and judge with are the daemon's ({@link Parts}).
 */
public final class NodeCheck {

    private final Parts parts;
    private final List<String> fileProblems;
    private final boolean telegramTest;
    private final List<Note> notes;
    private final String dataDirAsWritten;

    /** Information about the settings files themselves (the .env's keys), shown before the items, with what to do. */
    public record Note(String text, String todo) {
    }

    /**
     * @param fileProblems     why the template cannot be used (empty when it can)
     * @param notes            what the settings files hold beyond the settings
     * @param dataDirAsWritten DATA_DIR as the settings give it (a relative one is warned about), or null
     */
    public NodeCheck(Settings settings, List<String> fileProblems, boolean telegramTest, Clock clock, List<Note> notes,
            String dataDirAsWritten) {
        this.parts = new Parts(settings, clock);
        this.fileProblems = fileProblems;
        this.telegramTest = telegramTest;
        this.notes = List.copyOf(notes);
        this.dataDirAsWritten = dataDirAsWritten;
    }

    /** Every item in order: the notes, LNDg and pairing, regolancer, Telegram, DATA_DIR, time, remote JMX. */
    public CheckReport run() {
        CheckReport report = new CheckReport();
        Settings settings = parts.settings();
        notes.forEach(note -> report.info(note.text(), note.todo()));
        LndgCheck.Reached lndg = new LndgCheck(parts, report).run();
        if (lndg != null) {
            new PairingCheck(parts, report).run(lndg);
        }
        new RegolancerCheck(parts, fileProblems, report).run();
        new TelegramCheck(settings, parts.secrets(), telegramTest, report).run();
        new DataDirCheck(settings, dataDirAsWritten, report).run();
        new TimeCheck(settings, parts.clock(), report).run();
        new JmxCheck(settings, report).run();
        return report;
    }
}
