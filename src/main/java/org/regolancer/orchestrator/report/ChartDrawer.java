package org.regolancer.orchestrator.report;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

/** Draws the report's chart of the 30 days to {@code lastDay} as a PNG. */
@FunctionalInterface
public interface ChartDrawer {

    byte[] png(LocalDate lastDay, Map<LocalDate, DayFigures> days) throws IOException;
}
