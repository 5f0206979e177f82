package org.regolancer.orchestrator.check;

import java.time.Duration;
import java.util.List;
import org.regolancer.orchestrator.judgment.FeeCap;
import org.regolancer.orchestrator.judgment.FeePolicy;
import org.regolancer.orchestrator.lndg.ChannelFetch;
import org.regolancer.orchestrator.lndg.LndgException;
import org.regolancer.orchestrator.lndg.LndgFeeSettings;
import org.regolancer.orchestrator.lndg.LndgHttp;
import org.regolancer.orchestrator.lndg.LndgSession;
import org.regolancer.orchestrator.lndg.LndgTls;
import org.regolancer.orchestrator.lndg.PagedFetch;
import org.regolancer.orchestrator.lndg.PaymentCleaning;
import org.regolancer.orchestrator.lndg.SettingsFetch;
import org.regolancer.orchestrator.pairing.Channel;
import org.regolancer.orchestrator.pairing.ChannelCount;
import org.regolancer.orchestrator.settings.Settings;
import org.regolancer.orchestrator.wiring.Parts;

/**
 * LNDg: reachable, login and host accepted, every field the daemon reads in its channel rows; the login session or
 * Basic auth; its settings (the fee cap under FEE_POLICY=lndg, its cleaning of LND's failed payments).
 */
final class LndgCheck {

    /** How long one of LNDg's answers may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What the pairing check goes on with: the channels the daemon would pair, their client and LNDg's fee cap. */
    record Reached(List<Channel> channels, LndgHttp http, long arMaxFeeRate) {
    }

    private final Parts parts;
    private final Settings settings;
    private final CheckReport report;

    LndgCheck(Parts parts, CheckReport report) {
        this.parts = parts;
        this.settings = parts.settings();
        this.report = report;
    }

    /** The channels, the client that read them and LNDg's fee cap; null when LNDg could not be read (said so). */
    Reached run() {
        String where = "LNDg at " + settings.lndg().baseUrl();
        LndgTls.cleartext(settings.lndg().baseUrl()).ifPresent(why -> report.info("LNDg: " + why.what(), why.todo()));
        settings.lndg().tls().file().filter(f -> "http".equalsIgnoreCase(settings.lndg().baseUrl().getScheme()))
                .ifPresent(f -> report.info("LNDG_TLS_CERT=" + f + " is not used: LNDG_BASE_URL is plain http"));
        LndgSession session = parts.lndgSession();
        LndgHttp http = parts.lndgHttp(session, TIMEOUT);
        // the channels a cycle pairs, as the cycle asks for them
        ChannelFetch fetch = parts.openActiveChannels();
        try {
            readAll(http, fetch);
        } catch (LndgException e) {
            report.fail(where + ": " + clean(CheckText.withoutHint(e)), lndgTodo(e));
            // whether the failed request went with Basic auth, and why (a refused password, a proxy's own login)
            login(session);
            report.info("pairing: not checked (no channels from LNDg)");
            return null;
        }
        List<String> missing = fetch.missingFields();
        List<Channel> channels = fetch.channels();
        if (!missing.isEmpty()) {
            report.fail(where + ": its channel rows lack fields the daemon reads: " + String.join(", ", missing),
                    "update LNDg to v1.10 or newer");
        } else {
            report.pass(where + ": reachable" + settings.lndg().tls().file().filter(f -> "https".equalsIgnoreCase(
                    settings.lndg().baseUrl().getScheme())).map(f -> " (its certificate trusted through LNDG_TLS_CERT=" + f + ")")
                    .orElse("") + ", login and host accepted, " + ChannelCount.of(channels) + ", every "
                    + "field the daemon reads present" + (fetch.refusedCount() == 0 ? "" : "; " + fetch.refusedCount()
                    + " rows skipped: " + fetch.refusedRows().get(0))
                    + (fetch.oddCount() == 0 ? "" : "; " + fetch.oddCount() + " rows with a value outside LNDg's range: "
                            + fetch.oddRows().get(0)));
        }
        login(session);
        SettingsFetch lndgSettings = new SettingsFetch(50);
        LndgException settingsFailure = null;
        try {
            readAll(http, lndgSettings);
        } catch (LndgException e) {
            settingsFailure = e;
        }
        long arMaxFeeRate = arMaxFeeRate(lndgSettings, settingsFailure);
        paymentCleaning(lndgSettings, settingsFailure);
        return new Reached(channels, http, arMaxFeeRate);
    }

    /** LNDg's pages one after another, until the last (LNDg's paging in one place). */
    private static void readAll(LndgHttp http, PagedFetch fetch) {
        http.readAll(fetch);
    }

    /**
     * Whether LNDg deletes failed payments from LND: every regolancer run that finds no route leaves its failed payment
     * (and every run its failed attempts) in LND's database, which only grows unless they are deleted.
     */
    private void paymentCleaning(SettingsFetch lndgSettings, LndgException failure) {
        if (failure != null) {
            report.info("LND's failed payments: LNDg's cleaning not checked (its settings cannot be read: " + clean(CheckText.withoutHint(failure))
                    + ")");
            return;
        }
        PaymentCleaning cleaning = lndgSettings.paymentCleaning();
        String turnOn = "turn it on in LNDg: its Advanced page (/advanced/), local settings \"LND Clean Payments\" 1 and \"LND "
                + "Retention\" the days to keep them (30 by default); the settings " + PaymentCleaning.CLEAN_PAYMENTS + "=1 and "
                + PaymentCleaning.RETENTION_DAYS + " of LNDg's /api/settings/ (README: Run it for years)";
        if (!cleaning.problem().isEmpty()) {
            report.info("LND's failed payments: LNDg's " + clean(cleaning.problem()) + ", which LNDg cannot read either", turnOn);
        } else if (cleaning.on()) {
            report.pass("LND's failed payments: LNDg deletes them after " + cleaning.retentionDays() + " days ("
                    + PaymentCleaning.CLEAN_PAYMENTS + " 1): what failed runs leave does not pile up in LND's channel.db");
        } else {
            report.info("LND's failed payments: LNDg does not delete them (" + PaymentCleaning.CLEAN_PAYMENTS + " 0, LNDg's "
                    + "default): every regolancer run that finds no route leaves a failed payment in LND's channel.db, which "
                    + "then grows for good", turnOn);
        }
    }

    /** Whether the daemon will ask LNDg with a login session, or make it hash the password for every request. */
    private void login(LndgSession session) {
        if (session.hasSession()) {
            report.pass("LNDg login session: one login, then LNDg's API is asked with the session (LNDg hashes the "
                    + "password once per login, not per request)");
        }
        session.fallback().ifPresent(f -> report.info("LNDg: Basic auth on every request (" + f.why() + "): LNDg hashes "
                + "the password for each request", f.todo().isEmpty() ? "LNDg's login page: " + LndgSession.LOGIN_PATH : f.todo()));
    }

    private long arMaxFeeRate(SettingsFetch fetch, LndgException failure) {
        if (settings.judgment().feePolicy() != FeePolicy.LNDG) {
            report.pass("fee policy template: the template's fee keys for every pair (LNDg's settings not needed)" + maxFeeText());
            return LndgFeeSettings.LNDG_DEFAULT;
        }
        if (failure != null) {
            LndgException e = failure;
            report.fail("LNDg's settings (/api/settings/): " + clean(CheckText.withoutHint(e)),
                    (e.hint().isEmpty() ? "" : e.hint() + "; ") + "until then the daemon uses LNDg's default AR-MaxFeeRate 500 ppm"
                            + maxFeeText());
            return FeeCap.ceiled(LndgFeeSettings.LNDG_DEFAULT, settings.judgment().maxFeeCeiling());
        }
        if (fetch.arMaxFeeRate().isPresent()) {
            report.pass("fee policy lndg: LNDg's AR-MaxFeeRate " + fetch.arMaxFeeRate().getAsLong() + " ppm caps every target"
                    + maxFeeText());
        } else {
            report.pass("fee policy lndg: LNDg has no AR-MaxFeeRate yet (it writes it once its own rebalancer ran): its "
                    + "default " + LndgFeeSettings.LNDG_DEFAULT + " ppm caps every target" + maxFeeText());
        }
        return FeeCap.ceiled(fetch.arMaxFeeRate().orElse(LndgFeeSettings.LNDG_DEFAULT), settings.judgment().maxFeeCeiling());
    }

    /** MAX_FEE_PPM in the fee line: the ceiling over every run's fee limit, or that there is none. */
    private String maxFeeText() {
        return settings.judgment().maxFeeCeiling().isPresent()
                ? "; MAX_FEE_PPM " + settings.judgment().maxFeePpm() + ": no run's fee limit above " + settings.judgment().maxFeePpm() + " ppm"
                : "; MAX_FEE_PPM off (0): no ceiling of our own over the fee limits";
    }

    private static String lndgTodo(LndgException e) {
        // the daemon's log line for the same failure carries the same hint (LndgAnswer)
        if (!e.hint().isEmpty()) {
            return e.hint();
        }
        return "check LNDG_BASE_URL: is it LNDg's address, and LNDg v1.10 or newer?";
    }

    private String clean(String text) {
        return CheckText.clean(parts.secrets(), text);
    }
}
