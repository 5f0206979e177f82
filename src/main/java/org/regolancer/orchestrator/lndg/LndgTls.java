package org.regolancer.orchestrator.lndg;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.regolancer.orchestrator.ops.ErrorLog;

/**
 * LNDg over https. LNDg serves plain http; an operator who reaches it over https does so through a proxy, often with a
 * self-signed certificate: {@code LNDG_TLS_CERT} names a PEM file whose certificates are trusted for LNDg only, beside
 * the system's, the host name still checked. Also what a failure to reach LNDg over TLS means (a certificate not
 * trusted or naming another host, https to a port that speaks plain http), and whether plain http crosses the network.
 */
public final class LndgTls {

    /** The system's trust only (LNDG_TLS_CERT empty). */
    public static final LndgTls SYSTEM = new LndgTls(null, List.of());
    /** How long a TLS handshake may take: an https URL on a plain-http port gets no answer, and is said so this soon. */
    public static final Duration HANDSHAKE_LIMIT = Duration.ofSeconds(5);
    static final Duration PROBE_LIMIT = Duration.ofSeconds(2);
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private final Path file;
    private final List<X509Certificate> certificates;

    private LndgTls(Path file, List<X509Certificate> certificates) {
        this.file = file;
        this.certificates = List.copyOf(certificates);
    }

    /**
     * The certificates of a PEM file (one or more {@code BEGIN CERTIFICATE} blocks).
     *
     * @throws IllegalArgumentException saying why the file cannot be used
     */
    public static LndgTls read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot be read (" + ErrorLog.describe(e) + ")");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            if (block.group(1).contains("PRIVATE KEY")) {
                throw new IllegalArgumentException("holds a private key; give it the certificate only");
            }
            if (!block.group(1).equals("CERTIFICATE")) {
                continue;
            }
            try {
                byte[] der = Base64.getMimeDecoder().decode(block.group(2).strip());
                certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)));
            } catch (IllegalArgumentException | CertificateException e) {
                throw new IllegalArgumentException("holds a certificate that cannot be read (" + ErrorLog.describe(e) + ")");
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return new LndgTls(file, certificates);
    }

    /** The PEM file, when there is one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public int certificateCount() {
        return certificates.size();
    }

    /**
     * A TLS context trusting the system's certificate authorities and this file's certificates, or empty when there is
     * no file (the HTTP client's default then, the system's trust).
     */
    public Optional<SSLContext> sslContext() {
        if (certificates.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (X509Certificate authority : systemTrust().getAcceptedIssuers()) {
                trusted.setCertificateEntry("system-" + n++, authority);
            }
            for (X509Certificate certificate : certificates) {
                trusted.setCertificateEntry("lndg-tls-cert-" + n++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return Optional.of(context);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK's TLS cannot be set up: " + ErrorLog.describe(e), e);
        }
    }

    private static X509TrustManager systemTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }

    /**
     * What a failure to reach LNDg at {@code base} means when TLS is its cause, and what to do; empty when TLS is not
     * (LNDg down, a refused connection, a slow answer). A handshake that got no answer is told apart by asking the port
     * for plain http (two seconds at most).
     */
    public Optional<LndgAnswer.Why> failure(URI base, Throwable error) {
        if (!"https".equalsIgnoreCase(base.getScheme())) {
            return Optional.empty();
        }
        String host = base.getHost();
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (cause instanceof java.security.cert.CertPathBuilderException || message.contains("PKIX path")
                    || message.contains("unable to find valid certification path")) {
                return Optional.of(new LndgAnswer.Why("its certificate is not trusted (no certification path to a trusted "
                        + "certificate)", file == null
                        ? "set LNDG_TLS_CERT to the PEM certificate the https proxy in front of LNDg serves (or its CA's); "
                                + "the host name is still checked"
                        : "LNDG_TLS_CERT=" + file + " holds neither the certificate LNDg's https proxy serves nor its CA's; "
                                + "put that one there (openssl s_client -showcerts -connect " + host + ":" + port(base) + ")"));
            }
            if (cause instanceof SSLPeerUnverifiedException || message.contains("No subject alternative")
                    || message.contains("doesn't match any of the subject alternative names")) {
                return Optional.of(new LndgAnswer.Why("its certificate does not name the host " + host, "use in LNDG_BASE_URL a "
                        + "host name the certificate names (its subject alternative names), or give the proxy a certificate "
                        + "that names " + host));
            }
            if (cause instanceof SSLException && (message.contains("nrecognized SSL message") || message.contains("plaintext"))
                    && !(cause instanceof SSLHandshakeException && message.contains("certificate"))) {
                return Optional.of(plainHttp(base));
            }
            if (cause instanceof SocketTimeoutException && duringHandshake(cause)) {
                return Optional.of(answersPlainHttp(base) ? plainHttp(base) : new LndgAnswer.Why("no TLS answer within "
                        + HANDSHAKE_LIMIT.toSeconds() + " s", "is LNDG_BASE_URL's port the https port of the proxy in front "
                        + "of LNDg? (LNDg itself serves plain http, on 8889 by default)"));
            }
        }
        return Optional.empty();
    }

    private static LndgAnswer.Why plainHttp(URI base) {
        return new LndgAnswer.Why("https:// to a port that speaks plain http", "LNDg itself serves plain http: use http://"
                + base.getRawAuthority() + ", or the https port of the proxy in front of LNDg");
    }

    private static boolean duringHandshake(Throwable timeout) {
        for (StackTraceElement frame : timeout.getStackTrace()) {
            if (frame.getMethodName().equals("startHandshake")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the port answers a plain http request with an http status line. */
    static boolean answersPlainHttp(URI base) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), port(base)), (int) PROBE_LIMIT.toMillis());
            socket.setSoTimeout((int) PROBE_LIMIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("HEAD / HTTP/1.0\r\nHost: " + base.getRawAuthority() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(5);
            return new String(start, StandardCharsets.US_ASCII).equals("HTTP/");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static int port(URI base) {
        return base.getPort() > 0 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
    }

    /**
     * Plain http to another machine sends LNDg's password (and the session) readable on the way: what to say, or empty
     * when LNDg is on this machine (localhost, 127.0.0.0/8, ::1) or reached over https. No name is looked up.
     */
    public static Optional<LndgAnswer.Why> cleartext(URI base) {
        if (!"http".equalsIgnoreCase(base.getScheme()) || loopback(base.getHost())) {
            return Optional.empty();
        }
        return Optional.of(new LndgAnswer.Why("LNDG_BASE_URL=" + base + " is plain http to another machine: LNDg's password "
                + "and session cross the network unencrypted", "reach LNDg over https through a proxy in front of it "
                + "(LNDG_TLS_CERT for a self-signed certificate), or through an ssh tunnel (ssh -N -L 8889:127.0.0.1:8889 "
                + "that machine, then LNDG_BASE_URL=http://127.0.0.1:8889)"));
    }

    static boolean loopback(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("(::ffff:)?127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    @Override
    public String toString() {
        return file == null ? "system trust" : "system trust and " + certificates.size() + " certificates of " + file;
    }
}
