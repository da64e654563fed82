package org.inquest.analysis.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The findings read as English: "1 new category", "2 new categories". */
class QualityGraderTest {
    @Test
    void aNewCategoryIsCountedInTheSingular() {
        QualityGrader one = new QualityGrader(QualityThresholds.DEFAULTS);
        one.newCategories(1, 81, List.of("v2"), 1000);
        assertEquals(List.of("warning: 1 new category in 8.1% of current values (e.g. 'v2')"), one.findings());
        QualityGrader two = new QualityGrader(QualityThresholds.DEFAULTS);
        two.newCategories(2, 300, List.of("v2", "v3"), 1000);
        assertEquals(List.of("critical: 2 new categories in 30.0% of current values (e.g. 'v2', 'v3')"),
                two.findings());
    }
}
