package org.regolancer.orchestrator.lndg;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.io.EofSensorInputStream;

/**
 * How much of one LNDg answer is read: at most {@link #MAX_BYTES}, so that a broken proxy or a hostile server cannot
 * fill the daemon's small heap (the launcher's {@code -Xmx48m} ended at 8 MB when answers were read whole). The
 * largest real page is the channel list of a node with about 5,000 channels, about 7 MB (1.4 KB a row); pages are
 * read as streams, a row at a time, so the cap guards the time and the rows kept rather than a buffer. An answer over
 * the cap fails its fetch with an {@link LndgException} saying so, and its connection is dropped rather than read to
 * the end. An error page (an answer other than 200) is read only as far as its first {@link #ERROR_PAGE_BYTES}.
 */
public final class AnswerLimit {

    public static final long MAX_BYTES = 16L * 1024 * 1024;
    static final int ERROR_PAGE_BYTES = 64 * 1024;

    private AnswerLimit() {
    }

    /** The answer's body, read no further than {@code max} bytes. */
    public static Capped of(InputStream body, String path, long max) {
        return of(body, path, max, 0);
    }

    /**
     * The answer's body, read no further than {@code max} bytes counting {@code before} already read of the same list
     * (its earlier pages).
     */
    public static Capped of(InputStream body, String path, long max, long before) {
        return new Capped(body == null ? InputStream.nullInputStream() : body, path, max, before);
    }

    public static Capped of(InputStream body, String path) {
        return of(body, path, MAX_BYTES);
    }

    /** The start of an error page as text (enough for its title or DRF's detail); the rest is left unread. */
    public static String errorPage(InputStream body) {
        if (body == null) {
            return "";
        }
        try {
            byte[] start = body.readNBytes(ERROR_PAGE_BYTES);
            if (body.read() >= 0) {
                abort(body);
            }
            return new String(start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Drops the connection under an answer that is not read to its end (closing it would read the rest). */
    static void abort(InputStream body) {
        if (body instanceof EofSensorInputStream sensor) {
            try {
                sensor.abort();
            } catch (IOException e) {
                // the connection is gone either way
            }
        }
    }

    /** An answer's stream that counts what is read of it. */
    public static final class Capped extends FilterInputStream {

        private final String path;
        private final long max;
        private final boolean laterPage;
        private long read;
        private boolean ended;

        Capped(InputStream in, String path, long max, long before) {
            super(in);
            this.path = path;
            this.max = max;
            this.laterPage = before > 0;
            this.read = before;
        }

        /** Bytes read so far (with those counted before). */
        public long bytesRead() {
            return read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            } else {
                ended = true;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            } else if (n < 0) {
                ended = true;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        /** An answer left before its end (a failed read) drops its connection: closing it would read the rest. */
        @Override
        public void close() throws IOException {
            if (!ended) {
                abort(in);
            }
            super.close();
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                abort(in);
                throw new LndgException("LNDg " + path + " answered more than " + megabytes(max) + " MB"
                        + (laterPage ? " in its pages together" : "") + ", more than the largest real node's page; it was "
                        + "not read further");
            }
        }
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? Long.toString(bytes / (1024 * 1024))
                : String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024));
    }
}
