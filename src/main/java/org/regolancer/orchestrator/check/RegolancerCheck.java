package org.regolancer.orchestrator.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.regolancer.orchestrator.ops.ErrorLog;
import org.regolancer.orchestrator.regolancer.TemplateCheck;
import org.regolancer.orchestrator.regolancer.TemplateKeys;
import org.regolancer.orchestrator.settings.Settings;
import org.regolancer.orchestrator.wiring.Parts;

/**
 * regolancer and its template: is REGOLANCER_BIN regolancer (asked its version only), is the template valid and every
 * key one regolancer knows, can this user read LND's files the template names and reach LND's gRPC.
 */
final class RegolancerCheck {

    static final Duration VERSION_TIME = Duration.ofSeconds(5);
    static final Duration CONNECT_TIME = Duration.ofSeconds(3);

    private final Parts parts;
    private final Settings settings;
    private final List<String> fileProblems;
    private final CheckReport report;

    /** @param fileProblems why the template cannot be used (empty when it can) */
    RegolancerCheck(Parts parts, List<String> fileProblems, CheckReport report) {
        this.parts = parts;
        this.settings = parts.settings();
        this.fileProblems = fileProblems;
        this.report = report;
    }

    void run() {
        Path bin = settings.files().regolancerBin();
        if (!Files.isRegularFile(bin)) {
            report.fail("regolancer: REGOLANCER_BIN=" + bin + " does not exist",
                    "install regolancer (v1.12.x) and set REGOLANCER_BIN to its absolute path");
        } else if (!Files.isExecutable(bin)) {
            report.fail("regolancer: REGOLANCER_BIN=" + bin + " is not executable by this user",
                    "chmod 755 " + bin + " (and run check as the service user)");
        } else {
            version(bin);
        }
        if (fileProblems.isEmpty()) {
            report.pass("template: CONFIG_TEMPLATE=" + settings.files().configTemplate() + " is valid");
            templateWarnings(settings.files().template());
        } else {
            fileProblems.forEach(p -> report.fail("template: " + p, "fix the template (README: The config template)"));
        }
        if (settings.demo()) {
            report.info("LND files and connection: skipped (demo)");
        } else if (!fileProblems.isEmpty()) {
            report.info("LND files and connection: not checked (the template cannot be used)");
        } else {
            lndFiles(settings.files().template());
        }
    }

    /** Keys regolancer ignores fail (a misspelt key silently falls back to regolancer's default); the rest informs. */
    private void templateWarnings(ObjectNode template) {
        for (String key : TemplateKeys.unknown(template)) {
            String nearest = TemplateKeys.nearest(key);
            report.fail("template: '" + clean(key) + "' is not a key regolancer knows: regolancer ignores it",
                    nearest == null ? "remove it (README: The config template)" : "did you mean '" + nearest + "'? fix its name or remove it");
        }
        TemplateCheck.warnings(template).stream().filter(w -> !w.contains("is not a key regolancer knows"))
                .forEach(w -> report.info("template: " + clean(w)));
    }

    private void version(Path bin) {
        ProcessBuilder builder = parts.children().applyTo(new ProcessBuilder(bin.toString(), "--version"))
                .redirectErrorStream(true);
        builder.environment().put("NO_COLOR", "1");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output;
            try (var in = process.getInputStream()) {
                if (!process.waitFor(VERSION_TIME.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    report.fail("regolancer: " + bin + " --version did not end within 5 s", "is REGOLANCER_BIN regolancer?");
                    return;
                }
                output = in.readNBytes(4096);
            }
            String first = new String(output, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            // regolancer prints "Regolancer v1.12.3, built with go1.22.4" and exits 1: judged by the output
            if (first.startsWith("Regolancer ")) {
                report.pass("regolancer: " + bin + " is " + first.split(",")[0]);
            } else {
                report.fail("regolancer: " + bin + " --version printed no version" + (first.isEmpty() ? "" : " (\"" + clean(first) + "\")"),
                        "is REGOLANCER_BIN regolancer (v1.12.x)?");
            }
        } catch (IOException e) {
            report.fail("regolancer: " + bin + " cannot be run: " + ErrorLog.describe(e), "check the file and its permissions");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void lndFiles(ObjectNode template) {
        String tls = TemplateKeys.text(template, "tlscert", "");
        if (!tls.isEmpty()) {
            readable("LND's TLS certificate (tlscert)", Path.of(tls));
        }
        String macaroonDir = TemplateKeys.text(template, "macaroon_dir", "");
        if (!macaroonDir.isEmpty()) {
            readable("LND's macaroon (macaroon_dir + macaroon_filename)",
                    Path.of(macaroonDir).resolve(TemplateKeys.text(template, "macaroon_filename", "admin.macaroon")));
        }
        String cache = TemplateKeys.text(template, "node_cache_filename", "");
        if (!cache.isEmpty()) {
            Path folder = Path.of(cache).toAbsolutePath().getParent();
            if (folder != null && Files.isDirectory(folder) && Files.isWritable(folder)) {
                report.pass("regolancer's node cache folder " + folder + " is writable");
            } else {
                report.fail("regolancer's node cache folder " + folder + " (node_cache_filename) is not a folder this user can write",
                        "create it for the service user, and add it to the unit's ReadWritePaths");
            }
        }
        String connect = TemplateKeys.text(template, "connect", "127.0.0.1:10009");
        int colon = connect.lastIndexOf(':');
        try {
            String host = connect.substring(0, colon).replace("[", "").replace("]", "");
            int port = Integer.parseInt(connect.substring(colon + 1));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIME.toMillis());
                report.pass("LND's gRPC at " + connect + " (connect) accepts connections");
            } catch (IOException e) {
                report.fail("LND's gRPC at " + connect + " (connect) refuses: " + ErrorLog.describe(e),
                        "is LND running, and 'connect' in the template its gRPC host:port (rpclisten)?");
            }
        } catch (RuntimeException e) {
            report.fail("the template's 'connect' " + connect + " is not host:port", "set it to LND's gRPC host:port, e.g. 127.0.0.1:10009");
        }
    }

    private void readable(String what, Path file) {
        if (Files.isRegularFile(file) && Files.isReadable(file)) {
            report.pass(what + " " + file + " is readable");
        } else if (!Files.exists(file)) {
            report.fail(what + " " + file + " does not exist", "fix the path in the template");
        } else {
            report.fail(what + " " + file + " cannot be read by this user", "let the service user read it (e.g. add it to LND's group)");
        }
    }

    private String clean(String text) {
        return CheckText.clean(parts.secrets(), text);
    }
}
