package org.regolancer.orchestrator.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * The last guard: the process's standard error (where every log line goes: SLF4J's simple logger, Camel's and the
 * libraries' lines, stack traces, the JVM's own) and standard output pass through {@link Secrets#scrub} line by line,
 * so a secret a library put into a message (camel-telegram puts {@code /bot<TOKEN>/} into its exceptions) never reaches
 * the terminal or the journal. Installed once per process; a later install only swaps the secrets (route tests start
 * one daemon after another in one JVM).
 */
public final class MaskedOutput extends OutputStream {

    /** A line longer than this is written (masked) in parts: memory stays bounded whatever is printed. */
    static final int MAX_LINE = 64 * 1024;

    private final PrintStream target;
    private final Charset charset;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private volatile Secrets secrets;

    MaskedOutput(PrintStream target, Charset charset, Secrets secrets) {
        this.target = target;
        this.charset = charset;
        this.secrets = secrets;
    }

    /** Standard error and standard output masked with these secrets from now on. */
    public static synchronized void install(Secrets secrets) {
        System.setErr(masked(System.err, "sun.stderr.encoding", secrets));
        System.setOut(masked(System.out, "sun.stdout.encoding", secrets));
    }

    private static PrintStream masked(PrintStream current, String encodingProperty, Secrets secrets) {
        if (current instanceof Masked masked) {
            masked.output.secrets = secrets;
            return current;
        }
        Charset charset = Charset.defaultCharset();
        String encoding = System.getProperty(encodingProperty);
        if (encoding != null && Charset.isSupported(encoding)) {
            charset = Charset.forName(encoding);
        }
        return new Masked(new MaskedOutput(current, charset, secrets), charset);
    }

    /** The stream installed as System.err / System.out, so a second install finds it. */
    static final class Masked extends PrintStream {
        final MaskedOutput output;

        Masked(MaskedOutput output, Charset charset) {
            super(output, true, charset);
            this.output = output;
        }
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_LINE) {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    /** A part of a line stays until its end comes: a secret split over two writes is still masked whole. */
    @Override
    public synchronized void flush() {
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        emit();
        target.flush();
    }

    private void emit() {
        if (line.size() == 0) {
            return;
        }
        byte[] masked = secrets.scrub(line.toString(charset)).getBytes(charset);
        line.reset();
        target.write(masked, 0, masked.length);
        target.flush();
    }
}
