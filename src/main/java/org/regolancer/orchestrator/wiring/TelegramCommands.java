package org.regolancer.orchestrator.wiring;

import org.apache.camel.component.telegram.model.IncomingMessage;
import org.regolancer.orchestrator.commands.Command;
import org.regolancer.orchestrator.commands.CommandDesk;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.telegram.TelegramRetry;

/** The commands route's bean: camel-telegram's incoming message handed to the {@link CommandDesk} as plain values. */
public class TelegramCommands {

    private final CommandDesk desk;
    private final ErrorLog errors;

    TelegramCommands(CommandDesk desk, ErrorLog errors) {
        this.desk = desk;
        this.errors = errors;
    }

    /** A command could not be answered: one errors.log line with Telegram's answer (never the request's URI). */
    public void failed(Exception error) {
        errors.report(ErrorLog.Kind.TELEGRAM, "a command could not be answered: " + TelegramRetry.why(error));
    }

    /** The command in a message or channel post, or null when it is none of ours. */
    public Command read(IncomingMessage message) {
        if (message == null || message.getChat() == null) {
            return null;
        }
        return desk.read(message.getText(), message.getChat().getId(), message.getChat().getType(),
                message.getFrom() == null ? null : message.getFrom().getId(), message.getDate());
    }

    public String answer(Command command) {
        return desk.answer(command);
    }

    public String building() {
        return desk.building();
    }
}
