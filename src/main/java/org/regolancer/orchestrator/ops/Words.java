package org.regolancer.orchestrator.ops;

/** A count with its noun, singular for one: "1 payment", "2 payments", "0 payments". */
public final class Words {

    private Words() {
    }

    /** The plural adds an "s": "payment" → "payments". */
    public static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
