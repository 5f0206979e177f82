package org.regolancer.orchestrator.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.Markdown;

/**
 * The manual (README.md) and the developers' pages (docs/*.md) as a reader follows them: every relative link and
 * #anchor leads somewhere, every page of docs/ can be reached from the README, the demo's start command is the first
 * command that names the demo, and the test command the README gives is the one CI runs.
 */
class ManualTest {

    private static final Path README = Path.of("README.md");

    @Test
    void everyRelativeLinkAndAnchorInTheReadmeAndDocsResolves() throws IOException {
        List<Markdown> pages = new ArrayList<>(List.of(Markdown.read(README)));
        docs().forEach(p -> pages.add(Markdown.read(p)));
        assertTrue(pages.size() >= 4, "the README and the developers' pages: " + pages.size());
        int relative = 0;
        List<String> broken = new ArrayList<>();
        for (Markdown page : pages) {
            assertFalse(page.unclosedFence(), page.file() + " closes every code block");
            relative += page.links().stream().filter(l -> !l.isExternal()).count();
            broken.addAll(page.brokenLinks());
        }
        assertTrue(relative >= 40, relative + " relative links checked");
        assertEquals(List.of(), broken, "links that lead nowhere");
    }

    @Test
    void anchorsFollowGithubsRule() {
        assertEquals("check-is-this-node-set-up-right", Markdown.anchorOf("`check`: is this node set up right?"));
        assertEquals("reading-the-ledger-data_dirrebalancescsv", Markdown.anchorOf("Reading the ledger: `DATA_DIR/rebalances.csv`"));
        assertEquals("run-it-as-a-service-systemd", Markdown.anchorOf("Run it as a service (systemd)"));
        assertEquals("lndg-one-login-and-no-fetch-more-often-than-it-refreshes",
                Markdown.anchorOf("LNDg: one login, and no fetch more often than it refreshes"));
        assertEquals("soak-10000-cycles", Markdown.anchorOf("Soak: 10,000 cycles"));
    }

    @Test
    void everyPageOfDocsIsLinkedFromTheReadme() throws IOException {
        List<String> linked = Markdown.read(README).links().stream().map(Markdown.Link::path).toList();
        List<Path> docs = docs();
        assertFalse(docs.isEmpty(), "docs/ holds the developers' pages");
        for (Path page : docs) {
            assertTrue(linked.contains("docs/" + page.getFileName()), page + " is linked from the README");
        }
    }

    @Test
    void theDemosStartCommandIsTheFirstCommandThatNamesTheDemo() {
        String first = Markdown.read(README).codeLines().stream().filter(l -> l.contains("demo")).findFirst().orElseThrow();
        assertEquals("mvn -B package -DskipTests && java -jar target/regolancer-orchestrator.jar --profile demo", first);
    }

    @Test
    void theReadmesTestCommandIsTheOneCiRuns() throws IOException {
        List<String> ci = Files.readAllLines(Path.of(".ci/run"), StandardCharsets.UTF_8);
        int comment = ci.indexOf("# the README's test command");
        assertTrue(comment >= 0, ".ci/run names the README's test command");
        String command = ci.get(comment + 1).strip();
        assertTrue(command.startsWith("mvn "), command);
        assertTrue(Markdown.read(README).codeLines().contains(command), "the README gives " + command + " as a command");
    }

    private static List<Path> docs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }
}
