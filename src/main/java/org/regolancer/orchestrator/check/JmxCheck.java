package org.regolancer.orchestrator.check;

import org.regolancer.orchestrator.ops.JmxPasswordFile;
import org.regolancer.orchestrator.settings.Settings;

/** Remote JMX (JMX_PORT set): would the daemon start it, with a password file fit for use? */
final class JmxCheck {

    private final Settings settings;
    private final CheckReport report;

    JmxCheck(Settings settings, CheckReport report) {
        this.settings = settings;
        this.report = report;
    }

    void run() {
        if (settings.monitoring().jmxPort() == 0) {
            return;
        }
        JmxPasswordFile.problem(settings.monitoring().jmxPort(), settings.monitoring().jmxPasswordFile()).ifPresentOrElse(
                problem -> report.fail(problem, "make the password file as README, Watching it, shows (the daemon runs "
                        + "without remote JMX until then)"),
                () -> report.pass("remote JMX: 127.0.0.1:" + settings.monitoring().jmxPort() + " for the users of JMX_PASSWORD_FILE="
                        + settings.monitoring().jmxPasswordFile() + " (owner-only), every one read-only"));
    }
}
