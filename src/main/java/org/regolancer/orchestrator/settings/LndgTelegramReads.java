package org.regolancer.orchestrator.settings;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.regolancer.orchestrator.lndg.LndgTls;

/** The LNDG_* and TELEGRAM_* settings (with SEND_REBALANCE_MSG*): whom the daemon talks to, and how. */
final class LndgTelegramReads {

    private static final Pattern CHAT_ID = Pattern.compile("-?[0-9]{1,20}|@[A-Za-z0-9_]{4,64}");

    private LndgTelegramReads() {
    }

    static Settings.Lndg lndg(SettingReader in) {
        long refreshSeconds = in.number("LNDG_REFRESH_SECONDS", 0, 300);
        java.net.URI baseUrl = in.httpUrl("LNDG_BASE_URL");
        LndgTls tls = tls(in);
        String user = in.text("LNDG_USER");
        String pass = in.text("LNDG_PASS");
        if (user.isEmpty() || pass.isEmpty()) {
            throw new SettingsException("LNDG_USER and LNDG_PASS must both be set: the user name and password you log in to "
                    + "LNDg's web page with");
        }
        return new Settings.Lndg(baseUrl, user, pass, tls, in.zone("LNDG_TIMEZONE", ZoneOffset.UTC), refreshSeconds);
    }

    /** LNDG_TLS_CERT: empty for the system's trust only, else a PEM file of certificates trusted for LNDg besides it. */
    private static LndgTls tls(SettingReader in) {
        if (in.text("LNDG_TLS_CERT").isEmpty()) {
            return LndgTls.SYSTEM;
        }
        Path file = in.path("LNDG_TLS_CERT");
        try {
            return LndgTls.read(file);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("LNDG_TLS_CERT=" + file + " " + e.getMessage() + "; accepted: a readable PEM file "
                    + "with one or more certificates (-----BEGIN CERTIFICATE-----), or empty for the system's trust only");
        }
    }

    static Settings.Telegram telegram(SettingReader in) {
        boolean sendRebalanceMsg = sendRebalanceMsg(in);
        boolean sendRebalanceMsgLndg = in.bool("SEND_REBALANCE_MSG_LNDG");
        java.net.URI apiUrl = in.httpUrl("TELEGRAM_API_URL");
        String chatId = in.text("TELEGRAM_CHAT_ID");
        if (!chatId.isEmpty() && !CHAT_ID.matcher(chatId).matches()) {
            throw new SettingsException("TELEGRAM_CHAT_ID=" + chatId + " is invalid; accepted: a numeric chat id or @channelname");
        }
        String token = in.text("TELEGRAM_TOKEN");
        boolean commands = in.bool("TELEGRAM_COMMANDS");
        if (commands && (chatId.isEmpty() || token.isEmpty())) {
            throw new SettingsException("TELEGRAM_COMMANDS=true needs TELEGRAM_TOKEN and TELEGRAM_CHAT_ID; accepted: false, "
                    + "or true with both set");
        }
        return new Settings.Telegram(token, chatId, apiUrl, sendRebalanceMsg, sendRebalanceMsgLndg, commands,
                in.userIds("TELEGRAM_COMMAND_USERS"));
    }

    /**
     * Our own payment notices: SEND_REBALANCE_MSG, or the Python orchestrator's newer name for it,
     * SEND_REBALANCE_MSG_REGO_ORCH, which wins when both are set (application.properties leaves it empty: not set).
     */
    private static boolean sendRebalanceMsg(SettingReader in) {
        return in.text("SEND_REBALANCE_MSG_REGO_ORCH").isEmpty() ? in.bool("SEND_REBALANCE_MSG")
                : in.bool("SEND_REBALANCE_MSG_REGO_ORCH");
    }
}
