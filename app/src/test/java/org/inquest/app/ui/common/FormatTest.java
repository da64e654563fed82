package org.inquest.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Counts read as English: the noun agrees with the number ("1 day", not "1 days"); date-times read as ISO 8601. */
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

    /** JDBC's Timestamp prints "2026-09-22 10:00:00.0"; shown, copied and exported it is ISO, a fraction only if any. */
    @Test
    void dateTimesAreIsoWithAFractionOnlyWhenThereIsOne() {
        assertEquals("2026-09-22T10:00:00", Format.value(java.sql.Timestamp.valueOf("2026-09-22 10:00:00")));
        assertEquals("2026-09-22T10:00:00.250", Format.value(java.sql.Timestamp.valueOf("2026-09-22 10:00:00.25")));
        assertEquals("2026-09-22T10:00:00.000125",
                Format.value(java.sql.Timestamp.valueOf("2026-09-22 10:00:00.000125")));
        assertEquals("2026-09-22T00:00:00", Format.value(java.time.LocalDateTime.of(2026, 9, 22, 0, 0)));
        assertEquals("2026-09-22T10:00:00+02:00", Format.value(java.time.OffsetDateTime.of(2026, 9, 22, 10, 0, 0, 0,
                java.time.ZoneOffset.ofHours(2))));
        assertEquals("2026-09-22T08:00:00Z", Format.value(java.time.OffsetDateTime.of(2026, 9, 22, 8, 0, 0, 0,
                java.time.ZoneOffset.UTC)));
        assertEquals("EU", Format.value("EU"));
        assertEquals(Format.NONE, Format.value(null));
        assertEquals("2026-09-22T10:00:00", Csv.field(java.sql.Timestamp.valueOf("2026-09-22 10:00:00")));
    }
}
