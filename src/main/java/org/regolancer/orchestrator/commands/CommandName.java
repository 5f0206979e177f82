package org.regolancer.orchestrator.commands;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The Telegram commands the desk answers, by the names a chat may type ({@code /start} is {@code /status}). */
public enum CommandName {
    STATUS("status", "start"),
    REPORT("report"),
    PAUSE("pause"),
    RESUME("resume"),
    HELP("help");

    private final Set<String> typed;

    CommandName(String... typed) {
        this.typed = Set.of(typed);
    }

    /** The command a typed name (lower case, without the slash) stands for; empty for one we do not know. */
    public static Optional<CommandName> of(String typed) {
        return Arrays.stream(values()).filter(c -> c.typed.contains(typed)).findFirst();
    }
}
