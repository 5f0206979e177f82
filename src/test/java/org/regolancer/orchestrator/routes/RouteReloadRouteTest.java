package org.regolancer.orchestrator.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regolancer.orchestrator.fixtures.TestChannels.source;
import static org.regolancer.orchestrator.fixtures.TestChannels.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.DaemonRouteTestSupport;
import org.regolancer.orchestrator.fixtures.StandinRegolancer;

/** Editing a route file while the daemon runs: a good edit applies, a broken one is refused and the old route stays. */
class RouteReloadRouteTest extends DaemonRouteTestSupport {

    private static final Path ROUTES = copyOfTheRoutes();
    private static final String FIRST_STEP = "      steps:\n        - choice:\n";

    private static Path copyOfTheRoutes() {
        try {
            Path dir = Files.createTempDirectory("routes-");
            try (Stream<Path> files = Files.list(Path.of("routes"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("camel.main.routes-include-pattern", "file:" + ROUTES + "/*.yaml");
        properties.put("routes.directory", ROUTES.toString());
        return properties;
    }

    @Override
    protected void arrange() throws IOException {
        lndg.withChannels(List.of(source(1, "S1"), target(11, "T1")));
        regolancer = new StandinRegolancer(work.resolve("bin"), "* * success 0.2");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SLEEP_SECONDS", "1");
    }

    private String lastMessage() {
        var delivered = telegram.delivered();
        return delivered.isEmpty() ? "" : delivered.get(delivered.size() - 1).path("text").asText();
    }

    private boolean newMessageStartsWith(String prefix) throws InterruptedException {
        int seen = telegram.delivered().size();
        return await(Duration.ofSeconds(20), () -> telegram.delivered().size() > seen && lastMessage().startsWith(prefix));
    }

    private long refusals(String reason) {
        return errorLines().stream().filter(l -> l.contains("[routes] edit of notify.camel.yaml refused") && l.contains(reason))
                .count();
    }

    /** Saves a file the way most editors do: written aside, then moved over the old one in one step. */
    private static void save(Path file, String content) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temp, content);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aGoodEditAppliesAndABrokenOneIsRefusedWhileTheOldRouteKeepsWorking() throws Exception {
        Path notify = ROUTES.resolve("notify.camel.yaml");
        String original = Files.readString(notify);
        assertTrue(original.contains(FIRST_STEP));
        assertTrue(newMessageStartsWith("⚖️"), "messages before any edit");

        String edited = original.replace(FIRST_STEP, "      steps:\n        - setBody:\n            simple: \"[edited] ${body}\"\n"
                + "        - choice:\n");
        save(notify, edited);
        assertTrue(newMessageStartsWith("[edited] ⚖️"), "the edit applies without a restart");

        save(notify, edited.replace("        - choice:\n", "        - nonsense: {}\n        - choice:\n"));
        assertTrue(await(Duration.ofSeconds(20), () -> refusals("Unknown node id: nonsense") == 1),
                "an edit that does not parse is refused");
        assertTrue(newMessageStartsWith("[edited] ⚖️"), "the edited route still runs");

        save(notify, edited.replace("        - choice:\n", "        - to: nosuchcomponent:x\n        - choice:\n"));
        assertTrue(await(Duration.ofSeconds(20), () -> refusals("nosuchcomponent") == 1),
                "an edit whose route cannot be created is refused");
        assertTrue(newMessageStartsWith("[edited] ⚖️"), "and the previous route is back");
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("notify"));
        assertTrue(errorLines().stream().filter(l -> l.contains("[routes]")).allMatch(l -> l.contains("refused")),
                errorLines().toString());
    }
}
