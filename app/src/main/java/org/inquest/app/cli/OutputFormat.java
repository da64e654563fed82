package org.inquest.app.cli;

/** How a command prints rows: an aligned table for people, CSV or JSON for scripts. */
public enum OutputFormat {
    TABLE, CSV, JSON
}
