package org.regolancer.orchestrator.commands;

import java.util.Locale;
import java.util.Optional;

/**
 * One accepted command: its name as typed ({@code status}, {@code report}, …; one we do not know is answered with the
 * list) and the chat its answer goes to.
 */
public record Command(String name, String chatId) {

    /** The command the name stands for; empty for a name we do not know. */
    public Optional<CommandName> known() {
        return CommandName.of(name);
    }

    public boolean isReport() {
        return known().orElse(null) == CommandName.REPORT;
    }

    /**
     * For Camel's simple language: the commands route reads {@code command.report} and {@code command.chatId} (the
     * record's own accessor; a {@code getChatId()} beside it made Camel's choice between the two ambiguous, depending
     * on the order the JVM lists the methods in).
     */
    public boolean getReport() {
        return isReport();
    }

    /**
     * The command in a message's text: {@code /status} or {@code /status@OurBot} (any case); empty for plain text and
     * for a command addressed to another bot.
     *
     * @param botName our bot's user name, or null when not known (then any {@code @bot} suffix is taken as ours)
     */
    public static Optional<String> nameIn(String text, String botName) {
        if (text == null || !text.startsWith("/")) {
            return Optional.empty();
        }
        String first = text.strip().split("\\s+", 2)[0].substring(1);
        int at = first.indexOf('@');
        if (at >= 0) {
            String addressee = first.substring(at + 1);
            if (botName != null && !addressee.equalsIgnoreCase(botName)) {
                return Optional.empty();
            }
            first = first.substring(0, at);
        }
        return first.isEmpty() ? Optional.empty() : Optional.of(first.toLowerCase(Locale.ROOT));
    }
}
