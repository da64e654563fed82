package org.inquest.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Counts read as English: the noun agrees with the number ("1 day", not "1 days"). */
class FormatTest {
    @Test
    void nounAgreesWithTheCount() {
        assertEquals("0 days", Format.count(0, "day"));
        assertEquals("1 day", Format.count(1, "day"));
        assertEquals("2 days", Format.count(2, "day"));
        assertEquals("1,234,567 rows", Format.count(1_234_567, "row"));
        assertEquals("1 schema difference", Format.count(1, "schema difference", "schema differences"));
        assertEquals("3 schema differences", Format.count(3, "schema difference", "schema differences"));
    }

}
