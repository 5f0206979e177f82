package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.regolancer.orchestrator.ops.UntrustedText;

/**
 * The paged read of LNDg's global settings ({@code /api/settings/}: rows {@code {"url", "key", "value"}}, the value
 * a string, no filters: every page is read). {@code AR-MaxFeeRate} matters to the fee rule: a whole number of ppm
 * within what LNDg's own settings form accepts, {@value #LNDG_MIN}–{@value #LNDG_MAX}; anything else fails the read (the
 * last good value stays). {@code check} also reads LNDg's cleaning of LND's failed payments ({@link PaymentCleaning}).
 */
public final class SettingsFetch extends PagedFetch {

    public static final String AR_MAX_FEE_RATE = "AR-MaxFeeRate";
    /** LNDg's form for AR-MaxFeeRate (gui/views.py): min 1, max 5000. */
    public static final long LNDG_MIN = 1;
    public static final long LNDG_MAX = 5000;
    private static final Set<String> READ = Set.of("key", "value");

    private OptionalLong arMaxFeeRate = OptionalLong.empty();
    private String cleanPayments;
    private String retentionDays;

    public SettingsFetch(int maxPages) {
        super("/api/settings/", "settings", "limit=500", maxPages);
    }

    @Override
    protected Optional<String> readPage(InputStream body) {
        return DrfPage.read(body, READ, row -> {
            if (AR_MAX_FEE_RATE.equals(row.path("key").asText(null))) {
                arMaxFeeRate = OptionalLong.of(ppm(row.get("value")));
            }
            if (PaymentCleaning.CLEAN_PAYMENTS.equals(row.path("key").asText(null))) {
                cleanPayments = UntrustedText.line(row.path("value").asText(""), 40);
            }
            if (PaymentCleaning.RETENTION_DAYS.equals(row.path("key").asText(null))) {
                retentionDays = UntrustedText.line(row.path("value").asText(""), 40);
            }
        });
    }

    /** LNDg's AR-MaxFeeRate, or empty when LNDg has no such row (it writes it once its own rebalancer ran). */
    public OptionalLong arMaxFeeRate() {
        return arMaxFeeRate;
    }

    /** LNDg's cleaning of LND's failed payments (LND-CleanPayments, LND-RetentionDays; LNDg's defaults where missing). */
    public PaymentCleaning paymentCleaning() {
        return PaymentCleaning.of(cleanPayments, retentionDays);
    }

    private static long ppm(JsonNode value) {
        String text = value == null || value.isNull() ? "" : value.asText().strip();
        BigDecimal ppm;
        try {
            ppm = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new LndgException("LNDg's " + AR_MAX_FEE_RATE + " is '" + UntrustedText.line(text, 20) + "', not a fee rate in ppm");
        }
        if (ppm.compareTo(BigDecimal.valueOf(LNDG_MIN)) < 0 || ppm.compareTo(BigDecimal.valueOf(LNDG_MAX)) > 0) {
            throw new LndgException("LNDg's " + AR_MAX_FEE_RATE + " is " + UntrustedText.line(text, 20) + " ppm, outside "
                    + LNDG_MIN + "–" + LNDG_MAX + " (what LNDg's own settings form accepts)");
        }
        return ppm.longValue();
    }
}
