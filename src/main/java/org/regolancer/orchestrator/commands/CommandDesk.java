package org.regolancer.orchestrator.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.telegram.BotApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.regolancer.orchestrator.telegram.TelegramHtml;

/**
 * Telegram commands (opt-in): which messages are commands for us, and what they answer. Accepted only from the chat
 * {@code TELEGRAM_CHAT_ID} (a {@code @channel} name is resolved once to its numeric id); in a group only from the users
 * {@code TELEGRAM_COMMAND_USERS}; not when older than 5 minutes (sent while the daemon was down). Anything else is
 * ignored, with one log line per chat (and user) per day.
 */
public class CommandDesk {

    private static final Logger LOG = LoggerFactory.getLogger("org.regolancer.orchestrator");
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final String HELP = "<b>regolancer-orchestrator</b>\n/status – running or paused, the last cycle, today's payments, "
            + "pairs resting, LNDg's last failure\n/report – today's report so far (not stored, not marked sent)\n"
            + "/pause – start no new regolancer run (runs going on finish)\n/resume – run again\n/help – this list";

    /** What /pause and /resume do. */
    public interface Control {
        boolean pause() throws IOException;

        boolean resume() throws IOException;
    }

    private final String chatId;
    private final Set<Long> users;
    private final BotApi api;
    private final Clock clock;
    private final Control control;
    private final StatusText status;
    private final ErrorLog errors;
    private volatile String resolvedChatId;
    private volatile String botName;
    private final Set<String> ignoredToday = new HashSet<>();
    private LocalDate ignoredOn;

    public CommandDesk(String chatId, Set<Long> users, BotApi api, Clock clock, Control control, StatusText status,
            ErrorLog errors) {
        this.chatId = chatId;
        this.users = Set.copyOf(users);
        this.api = api;
        this.clock = clock;
        this.control = control;
        this.status = status;
        this.errors = errors;
        this.resolvedChatId = chatId.startsWith("@") ? null : chatId;
    }

    /**
     * The command in an incoming message (a message or a channel post), or null when it is none of ours.
     *
     * @param fromUserId the sender, or null (a channel post has none)
     * @param sent when Telegram says it was sent
     */
    public Command read(String text, String chat, String chatType, Long fromUserId, Instant sent) {
        if (chat == null || !chat.equals(ourChat())) {
            ignore("chat " + chat, "Telegram message from chat " + chat + " ignored: commands are taken from TELEGRAM_CHAT_ID only");
            return null;
        }
        if (("group".equals(chatType) || "supergroup".equals(chatType)) && (fromUserId == null || !users.contains(fromUserId))) {
            ignore("user " + fromUserId, "Telegram command from user " + fromUserId + " in the group ignored: not in "
                    + "TELEGRAM_COMMAND_USERS");
            return null;
        }
        if (sent != null && sent.isBefore(clock.instant().minus(MAX_AGE))) {
            ignore("old", "Telegram commands older than 5 minutes ignored (sent while the daemon was down)");
            return null;
        }
        return Command.nameIn(text, botName()).map(name -> new Command(name, chat)).orElse(null);
    }

    /** The answer to a command other than /report (which the route builds). */
    public String answer(Command command) {
        try {
            CommandName known = command.known().orElse(null);
            if (known == null) {
                return unknown(command);
            }
            return switch (known) {
                case STATUS -> status.render(clock.instant());
                case PAUSE -> control.pause() ? "⏸ <b>Paused</b>: no new regolancer run starts; runs going on finish and are "
                        + "recorded. /resume to go on." : "Already paused. /resume to go on.";
                case RESUME -> control.resume() ? "▶️ <b>Resumed</b>: the next cycle runs pairs again." : "Not paused.";
                case HELP -> HELP;
                // the route builds /report's answer itself
                case REPORT -> unknown(command);
            };
        } catch (IOException e) {
            errors.report("telegram", "/" + command.name() + " could not be done", e);
            return "/" + command.name() + " failed: " + TelegramHtml.escape(ErrorLog.describe(e));
        }
    }

    private static String unknown(Command command) {
        return "Unknown command /" + TelegramHtml.escape(command.name()) + ".\n\n" + HELP;
    }

    public String building() {
        return "📊 Building today's report so far…";
    }

    /** TELEGRAM_CHAT_ID; a @channel name resolved to its id with getChat once it works. */
    private String ourChat() {
        String resolved = resolvedChatId;
        if (resolved != null) {
            return resolved;
        }
        try {
            JsonNode chat = api.getChat(chatId);
            if (chat.path("ok").asBoolean()) {
                resolvedChatId = chat.path("result").path("id").asText();
                return resolvedChatId;
            }
            errors.report("telegram", "commands: TELEGRAM_CHAT_ID=" + chatId + " cannot be resolved (" + BotApi.error(chat) + ")");
        } catch (IOException e) {
            errors.report("telegram", "commands: TELEGRAM_CHAT_ID=" + chatId + " cannot be resolved", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return chatId;
    }

    /** Our bot's user name (for /status@OurBot), asked once; null while not known. */
    private String botName() {
        if (botName == null) {
            try {
                JsonNode me = api.getMe();
                if (me.path("ok").asBoolean()) {
                    botName = me.path("result").path("username").asText(null);
                }
            } catch (IOException e) {
                // not known: a command addressed to any bot is taken as ours
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return botName;
    }

    private synchronized void ignore(String who, String line) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!today.equals(ignoredOn)) {
            ignoredOn = today;
            ignoredToday.clear();
        }
        if (ignoredToday.add(who)) {
            LOG.info("{}", line);
        }
    }
}
