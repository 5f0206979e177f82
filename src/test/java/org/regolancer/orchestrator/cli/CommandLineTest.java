package org.regolancer.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.cli.CommandLine.Verb;

/** The jar's command line: a command word only first, each command's own options only after it. */
class CommandLineTest {

    @Test
    void noCommandWordRunsTheDaemon() {
        CommandLine line = CommandLine.parse("--profile", "demo");
        assertEquals(Verb.RUN, line.command());
        assertEquals("demo", line.profile());
    }

    @Test
    void reportAndCheckTakeTheirOwnOptions() {
        CommandLine report = CommandLine.parse("report", "--date", "2026-01-02");
        assertEquals(Verb.REPORT, report.command());
        assertEquals(LocalDate.of(2026, 1, 2), report.date());
        CommandLine check = CommandLine.parse("check", "--telegram-test");
        assertEquals(Verb.CHECK, check.command());
        assertTrue(check.telegramTest());
        assertEquals(Verb.HELP, CommandLine.parse("check", "--help").command());
    }

    @Test
    void anOptionOfAnotherCommandOrACommandWordNotFirstIsRefusedWithTheUsage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("check", "--date", "2026-01-02"))
                .getMessage().startsWith("unknown argument '--date'; usage: "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--profile", "demo", "report"))
                .getMessage().startsWith("unknown argument 'report'; usage: "));
    }
}
