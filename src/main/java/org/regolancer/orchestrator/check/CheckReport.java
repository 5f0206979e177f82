package org.regolancer.orchestrator.check;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What {@code check} found: one line per item, ✓ or ✗ (with what to do), and lines of plain information. */
public final class CheckReport {

    /** One line: passed, failed (with what to do), or information (a table row, a skipped item). */
    public record Line(Kind kind, String text, String todo) {
        public String render() {
            return switch (kind) {
                case PASS -> "✓ " + text;
                case FAIL -> "✗ " + text + (todo == null || todo.isEmpty() ? "" : "\n    → " + todo);
                case INFO -> "  " + text + (todo == null || todo.isEmpty() ? "" : "\n    → " + todo);
            };
        }
    }

    public enum Kind { PASS, FAIL, INFO }

    private final List<Line> lines = new ArrayList<>();

    public CheckReport pass(String text) {
        lines.add(new Line(Kind.PASS, text, null));
        return this;
    }

    public CheckReport fail(String text, String todo) {
        lines.add(new Line(Kind.FAIL, text, todo));
        return this;
    }

    public CheckReport info(String text) {
        return info(text, null);
    }

    /** Information with what to do about it, not a failure (the exit code stays). */
    public CheckReport info(String text, String todo) {
        lines.add(new Line(Kind.INFO, text, todo));
        return this;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public boolean failed() {
        return lines.stream().anyMatch(l -> l.kind() == Kind.FAIL);
    }

    /** 0 when every item passed, 1 when any failed. */
    public int exitCode() {
        return failed() ? 1 : 0;
    }

    public void print(PrintStream out) {
        lines.forEach(l -> out.println(l.render()));
    }
}
