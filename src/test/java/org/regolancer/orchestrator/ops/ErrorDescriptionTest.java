package org.regolancer.orchestrator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.language.bean.RuntimeBeanExpressionException;
import org.junit.jupiter.api.Test;

/** What an operator reads names the cause in words, never an exception class (ours, Camel's or the JDK's). */
class ErrorDescriptionTest {

    @Test
    void camelsWrappersAreLookedThroughToTheMessageThatSaysWhatWentWrong() {
        Exception lndg = new IllegalStateException("LNDg /api/rebalancer/ answered HTTP 500: LNDg itself failed; its log says why");
        Exception wrapped = new RuntimeBeanExpressionException(null, "reports", "build(${exchangeProperty.reportDate}, true)", lndg);
        assertEquals("LNDg /api/rebalancer/ answered HTTP 500: LNDg itself failed; its log says why", ErrorLog.describe(wrapped));
        assertEquals("disk full", ErrorLog.describe(new RuntimeCamelException(new IOException("disk full"))));
        assertEquals("disk full", ErrorLog.describe(new UncheckedIOException(new IOException("disk full"))));
    }

    @Test
    void networkAndFileFailuresWithoutAMessageAreSaidInWords() {
        assertEquals("connection refused", ErrorLog.describe(new ConnectException()));
        assertEquals("Connect to http://127.0.0.1:9 failed: Connection refused",
                ErrorLog.describe(new ConnectException("Connect to http://127.0.0.1:9 failed: Connection refused")));
        assertEquals("no answer in time", ErrorLog.describe(new IOException(new HttpTimeoutException(""))));
        assertEquals("no such file: /opt/x/regolancer", ErrorLog.describe(new NoSuchFileException("/opt/x/regolancer")));
        assertEquals("permission denied: /home/lnd/admin.macaroon",
                ErrorLog.describe(new AccessDeniedException("/home/lnd/admin.macaroon")));
        assertEquals("illegal state", ErrorLog.describe(new IllegalStateException()), "at worst the class in words");
    }
}
