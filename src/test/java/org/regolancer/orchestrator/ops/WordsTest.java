package org.regolancer.orchestrator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void oneIsSingularEveryOtherCountPlural() {
        assertEquals("1 payment", Words.count(1, "payment"));
        assertEquals("0 payments", Words.count(0, "payment"));
        assertEquals("2 failed runs", Words.count(2, "failed run"));
        assertEquals("1 LNDg failure", Words.count(1, "LNDg failure"));
        assertEquals("3 notices", Words.count(3, "notice", "notices"));
    }
}
