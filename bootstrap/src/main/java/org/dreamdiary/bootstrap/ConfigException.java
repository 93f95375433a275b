package org.dreamdiary.bootstrap;

/** A configuration value the service cannot start with; the message names the variable. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
