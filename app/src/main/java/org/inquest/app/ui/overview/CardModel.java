package org.inquest.app.ui.overview;

/**
 * One overview card: a headline number with its severity and a one-line explanation; {@code tabId} is the tab that
 * clicking the card opens. {@code value} is the text shown (and copied).
 */
public record CardModel(String id, String title, String value, String detail, Severity severity, String tabId) {
}
