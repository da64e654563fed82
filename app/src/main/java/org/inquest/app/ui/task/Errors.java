package org.inquest.app.ui.task;

import org.inquest.connectors.error.InquestException;

/** Turns a failure into the one line the status bar and dialogs show. */
public final class Errors {
    private Errors() {
    }

    public static String oneLine(Throwable e) {
        Throwable t = e;
        while (!(t instanceof InquestException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
