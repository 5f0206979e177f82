package org.regolancer.orchestrator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void masksThePasswordItsBasicEncodingAndAnyBotToken() {
        Secrets secrets = new Secrets("lndg-admin", "p4ss", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
        assertEquals("auth *** failed", secrets.scrub("auth p4ss failed"));
        assertEquals("Basic ***", secrets.scrub("Basic bG5kZy1hZG1pbjpwNHNz"));
        assertEquals("http://h/bot***/sendMessage", secrets.scrub("http://h/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage"));
        assertEquals("/bot***/x", new Secrets("u", "", "").scrub("/bot987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/x"),
                "an unknown token shape is masked too");
    }
}
