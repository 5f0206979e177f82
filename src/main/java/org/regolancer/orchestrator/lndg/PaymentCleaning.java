package org.regolancer.orchestrator.lndg;

/**
 * LNDg's own cleaning of LND's payments (jobs.py {@code clean_payments}): with {@code LND-CleanPayments} 1 its jobs
 * delete from LND the failed payments (and the failed attempts of paid ones) older than {@code LND-RetentionDays}. Both
 * are rows of {@code /api/settings/} that may be missing (LNDg writes them the first time its jobs look): LNDg's
 * defaults are 0 (off) and 30 days. A value LNDg cannot read as a whole number is a {@link #problem()}.
 */
public record PaymentCleaning(boolean on, int retentionDays, String problem) {

    public static final String CLEAN_PAYMENTS = "LND-CleanPayments";
    public static final String RETENTION_DAYS = "LND-RetentionDays";
    static final int DEFAULT_DAYS = 30;

    /** From the two rows' values, null where LNDg has no row. */
    public static PaymentCleaning of(String cleanPayments, String retentionDays) {
        Integer enabled = whole(cleanPayments, 0);
        Integer days = whole(retentionDays, DEFAULT_DAYS);
        if (enabled == null) {
            return new PaymentCleaning(false, DEFAULT_DAYS, CLEAN_PAYMENTS + " is '" + shorten(cleanPayments) + "', not 0 or 1");
        }
        if (days == null) {
            return new PaymentCleaning(enabled == 1, DEFAULT_DAYS, RETENTION_DAYS + " is '" + shorten(retentionDays)
                    + "', not a number of days");
        }
        return new PaymentCleaning(enabled == 1, days, "");
    }

    private static Integer whole(String value, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", " ");
        return flat.length() > 20 ? flat.substring(0, 20) + "…" : flat;
    }
}
