package org.regolancer.orchestrator.pairing;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** LND's numeric channel id: decimal digits that fit an unsigned 64-bit number. Safe in a file name or a command line. */
public record ChannelId(String value) implements Comparable<ChannelId> {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
    private static final BigInteger MAX = new BigInteger("18446744073709551615");

    public ChannelId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a numeric channel id: " + value);
        }
    }

    public static boolean isValid(String text) {
        return text != null && DIGITS.matcher(text).matches() && new BigInteger(text).compareTo(MAX) <= 0;
    }

    @Override
    public int compareTo(ChannelId other) {
        return new BigInteger(value).compareTo(new BigInteger(other.value));
    }

    @Override
    public String toString() {
        return value;
    }
}
