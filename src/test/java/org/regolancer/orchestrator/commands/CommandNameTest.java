package org.regolancer.orchestrator.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandNameTest {

    @Test
    void eachTypedNameStandsForItsCommandAndStartForStatus() {
        assertEquals(Optional.of(CommandName.STATUS), CommandName.of("status"));
        assertEquals(Optional.of(CommandName.STATUS), CommandName.of("start"));
        assertEquals(Optional.of(CommandName.PAUSE), CommandName.of("pause"));
        assertEquals(Optional.of(CommandName.RESUME), CommandName.of("resume"));
        assertEquals(Optional.of(CommandName.HELP), CommandName.of("help"));
        assertEquals(Optional.empty(), CommandName.of("stauts"));
    }

    @Test
    void onlyReportIsTheRoutesToAnswer() {
        assertTrue(new Command("report", "1").isReport());
        assertFalse(new Command("status", "1").isReport());
        assertFalse(new Command("reports", "1").isReport());
    }
}
