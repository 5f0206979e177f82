package org.regolancer.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regolancer.orchestrator.ops.ChildEnvironment;

class ChartProcessTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private static final ChildEnvironment PLAIN = ChildEnvironment.ofThisProcess("user", "password-not-set", "");

    private static Map<LocalDate, DayFigures> month() {
        Map<LocalDate, DayFigures> days = new TreeMap<>();
        for (int i = 0; i < 30; i += 2) {
            LocalDate d = DAY.minusDays(i);
            days.put(d, new DayFigures(d, 3, 150_000L + i * 9_000L, 1_234, 1, 80_000L + i, 999, false, 40,
                    2_000_000L + i * 55_555L, 7_000));
        }
        return days;
    }

    @Test
    void theDaysGoOverAsTheChartShowsThem() {
        Map<LocalDate, DayFigures> days = month();
        Map<LocalDate, DayFigures> read = ReportChart.days(ReportChart.input(DAY, days).lines().toList());
        assertEquals(30, read.size(), "every day of the chart, the empty ones too");
        for (LocalDate d = DAY.minusDays(29); !d.isAfter(DAY); d = d.plusDays(1)) {
            DayFigures sent = ReportText.day(days, d);
            DayFigures got = read.get(d);
            assertEquals(List.of(sent.oursSat(), sent.lndgSat(), sent.forwardSat()),
                    List.of(got.oursSat(), got.lndgSat(), got.forwardSat()), d.toString());
        }
    }

    @Test
    void aProcessOfItsOwnDrawsTheSamePictureAsThisOne() throws Exception {
        byte[] png = ChartProcess.ofThisJvm(PLAIN).png(DAY, month());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1000, image.getWidth());
        assertEquals(ReportChart.HEIGHT, image.getHeight());
        BufferedImage here = ImageIO.read(new ByteArrayInputStream(ReportChart.png(DAY, ReportChart.days(
                ReportChart.input(DAY, month()).lines().toList()))));
        int[] theirs = image.getRGB(0, 0, 1000, ReportChart.HEIGHT, null, 0, 1000);
        int[] ours = here.getRGB(0, 0, 1000, ReportChart.HEIGHT, null, 0, 1000);
        assertArrayEquals(ours, theirs, "pixel for pixel");
    }

    @Test
    void aDrawerThatFailsIsAnErrorNamingItsExitCode() {
        ChartProcess failing = new ChartProcess(List.of("sh", "-c", "cat > /dev/null; exit 3"), Duration.ofSeconds(20), PLAIN);
        IOException e = assertThrows(IOException.class, () -> failing.png(DAY, month()));
        assertTrue(e.getMessage().contains("exited with 3"), e.getMessage());
    }

    @Test
    void aDrawerThatGivesNoPngIsAnError() {
        ChartProcess text = new ChartProcess(List.of("sh", "-c", "cat"), Duration.ofSeconds(20), PLAIN);
        IOException e = assertThrows(IOException.class, () -> text.png(DAY, month()));
        assertTrue(e.getMessage().contains("no PNG"), e.getMessage());
    }

    @Test
    void aDrawerThatHangsIsStoppedAtItsLimit() {
        ChartProcess hanging = new ChartProcess(List.of("sleep", "60"), Duration.ofSeconds(1), PLAIN);
        Instant start = Instant.now();
        IOException e = assertThrows(IOException.class, () -> hanging.png(DAY, month()));
        assertTrue(e.getMessage().contains("did not finish in 1 s"), e.getMessage());
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 10, "not waiting for the sleep");
    }

    @Test
    void theDrawerGetsTheDaemonsEnvironmentWithoutItsSecrets(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path seen = dir.resolve("env");
        Map<String, String> daemon = new java.util.HashMap<>(System.getenv());
        daemon.put("LNDG_PASS", "chart-secret-pw");
        daemon.put("JAVA_TOOL_OPTIONS", "-Dlndg.password=chart-secret-pw");
        daemon.put("HTTPS_PROXY", "http://127.0.0.1:3128");
        ChartProcess printing = new ChartProcess(List.of("sh", "-c", "env > " + seen + "; cat > /dev/null; exit 3"),
                Duration.ofSeconds(20), new ChildEnvironment(daemon, "user", "chart-secret-pw", ""));
        assertThrows(IOException.class, () -> printing.png(DAY, month()));
        String env = java.nio.file.Files.readString(seen);
        assertTrue(env.contains("HTTPS_PROXY=http://127.0.0.1:3128\n"), env);
        assertTrue(!env.contains("chart-secret-pw") && !env.contains("LNDG_PASS"), env);
    }
}
