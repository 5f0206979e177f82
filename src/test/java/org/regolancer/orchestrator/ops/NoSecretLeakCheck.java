package org.regolancer.orchestrator.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.demo.DjangoLogin;
import org.regolancer.orchestrator.fixtures.FakeLndg;
import org.regolancer.orchestrator.fixtures.FakeTelegram;

/**
 * Runs after every other test (its own failsafe execution, see pom.xml): reads every log and file the suite
 * produced — the daemons' output, errors.log, ledgers, reports, stand-in logs, run files — and fails on any trace
 * of the LNDg password or the bot token, plain or as the Basic-auth header, or of an LNDg session id the stand-ins
 * handed out (each carries a marker).
 */
class NoSecretLeakCheck {

    private static final Map<String, String> SECRETS = Map.of(
            "the LNDg password", FakeLndg.PASSWORD,
            "the packaged-jar tests' LNDg password", "secret-pw",
            "the bot token", FakeTelegram.TOKEN.substring(FakeTelegram.TOKEN.indexOf(':') + 1),
            "the LNDg Basic-auth header", Base64.getEncoder().encodeToString(
                    (FakeLndg.USER + ":" + FakeLndg.PASSWORD).getBytes(StandardCharsets.UTF_8)),
            "an LNDg session id", DjangoLogin.SESSION_MARKER);

    @Test
    void noSecretInAnyFileTheSuiteProduced() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("target/test-work", "target/it-work", "target/surefire-reports", "target/failsafe-reports")) {
            Path dir = Path.of(root);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().contains(getClass().getSimpleName()))
                            // the operator's own settings file, written by the tests as input
                            .filter(p -> !p.getFileName().toString().equals(".env"))
                            .forEach(files::add);
                }
            }
        }
        assertTrue(files.size() > 50, "the suite ran first and left its files: " + files.size());
        assertTrue(files.stream().anyMatch(p -> p.endsWith("errors.log")), "errors.log files are among them");
        assertTrue(files.stream().anyMatch(p -> p.endsWith("rebalances.csv")), "ledgers are among them");
        assertTrue(files.stream().anyMatch(p -> p.toString().endsWith("-output.txt")), "the daemons' log output too");

        List<String> hits = new ArrayList<>();
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            SECRETS.forEach((what, secret) -> {
                if (content.contains(secret)) {
                    hits.add(what + " in " + file);
                }
            });
        }
        assertTrue(hits.isEmpty(), String.join("\n", hits));
        System.out.println("no secret in " + files.size() + " files");
    }
}
