package org.inquest.app.ui.overview;

/** How alarming a number is; drives the card's colour. */
public enum Severity {
    OK, WARNING, CRITICAL, UNKNOWN;

    public String styleClass() {
        return "severity-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
