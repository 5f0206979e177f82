package org.regolancer.orchestrator.lndg;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The paged read of LNDg's global settings ({@code /api/settings/}: rows {@code {"url", "key", "value"}}, the value
 * a string, no filters: every page is read). {@code AR-MaxFeeRate} matters to the fee rule; {@code check} also reads
 * LNDg's cleaning of LND's failed payments ({@link PaymentCleaning}).
 */
public final class SettingsFetch extends PagedFetch {

    public static final String AR_MAX_FEE_RATE = "AR-MaxFeeRate";

    private OptionalLong arMaxFeeRate = OptionalLong.empty();
    private String cleanPayments;
    private String retentionDays;

    public SettingsFetch(int maxPages) {
        super("/api/settings/", "settings", "limit=500", maxPages);
    }

    @Override
    protected Optional<String> readPage(String body) {
        JsonNode root = DrfPage.root(body);
        for (JsonNode row : DrfPage.results(root)) {
            if (AR_MAX_FEE_RATE.equals(row.path("key").asText(null))) {
                arMaxFeeRate = OptionalLong.of(ppm(row.get("value")));
            }
            if (PaymentCleaning.CLEAN_PAYMENTS.equals(row.path("key").asText(null))) {
                cleanPayments = row.path("value").asText("");
            }
            if (PaymentCleaning.RETENTION_DAYS.equals(row.path("key").asText(null))) {
                retentionDays = row.path("value").asText("");
            }
        }
        return DrfPage.nextQuery(root);
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
        try {
            BigDecimal ppm = new BigDecimal(text);
            if (ppm.signum() >= 0) {
                return ppm.longValue();
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new LndgException("LNDg's " + AR_MAX_FEE_RATE + " is '" + (text.length() > 20 ? text.substring(0, 20) + "…" : text)
                + "', not a fee rate in ppm");
    }
}
