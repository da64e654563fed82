package org.inquest.analysis.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.inquest.analysis.report.render.Html;
import org.junit.jupiter.api.Test;

/**
 * Tables fit a 1366-px page: a cell holding a long unbroken run (a SHA-256, a path) may wrap inside it, a sentence
 * keeps a readable width, numbers and short words stay whole; all without a script.
 */
class ReportHtmlTableTest {
    static final String SHA = "5e20af036e4d8ec01c11b6e2b7f5839a2eb7a6b39c2be9313293c84c516e6280";

    @Test
    void longRunsWrapSentencesKeepAWidthAndShortCellsStayPlain() {
        String html = ReportHtml.render(List.of(new Block.Table(List.of("file", "SHA-256", "rows", "findings"),
                List.of(List.of("/data/exports/2026/09/predictions-part-0001.parquet", SHA, "100000",
                        "critical: null share up 29.7 points (0.0% -> 29.7%) in region <EU>")),
                new boolean[] {false, false, true, false})), "t");
        assertTrue(html.contains("<td class=\"brk\">/data/exports/2026/09/predictions-part-0001.parquet</td>"), html);
        assertTrue(html.contains("<td class=\"brk\">" + SHA + "</td>"));
        assertTrue(html.contains("<td class=\"num\">100000</td>"));
        assertTrue(html.contains("<td class=\"prose\">critical: null share up 29.7 points (0.0% -&gt; 29.7%) in"
                + " region &lt;EU&gt;</td>"), "escaped as every cell");
        assertTrue(html.contains("td.brk{overflow-wrap:anywhere"), "the rule is in the inline stylesheet");
        assertFalse(html.contains("<script"));
    }

    @Test
    void onlyRunsLongerThanTwentyFourCharactersCount() {
        assertFalse(Html.hasLongToken("2026-09-01 00:00:01.299883 … 2026-09-17"));
        assertFalse(Html.hasLongToken("employment_years"));
        assertTrue(Html.hasLongToken("a " + "x".repeat(25)));
        assertFalse(Html.isProse("categorical"));
        assertTrue(Html.isProse("warning: 2555 values (5.9%) outside the reference range [10.04, 141.21]"));
    }
}
