package org.regolancer.orchestrator.settings;

/** A setting that stops start-up. The message is one line naming the setting and what it accepts, never a secret. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
