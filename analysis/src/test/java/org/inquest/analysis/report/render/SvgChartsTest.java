package org.inquest.analysis.report.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's bar chart: the title and the legend each get a line, whatever the title's length. */
class SvgChartsTest {
    private static final Pattern TEXT = Pattern.compile("<text x=\"([0-9.]+)\" y=\"([0-9.]+)\"[^>]*>([^<]*)</text>");

    @Test
    void theLegendSitsBelowALongTitleInsteadOfOnIt() {
        String title = "loan_amount (share of rows per reference decile)";
        String svg = SvgCharts.groupedBars(title, List.of("a", "b", "c"), new double[] {0.2, 0.3, 0.5},
                new double[] {0.1, 0.3, 0.6}, 0, "%.2f");
        double titleY = -1;
        List<Double> legendY = new ArrayList<>();
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            if (m.group(3).equals(title)) {
                titleY = Double.parseDouble(m.group(2));
            } else if (m.group(3).equals("reference") || m.group(3).equals("current")) {
                legendY.add(Double.parseDouble(m.group(2)));
            }
        }
        assertTrue(titleY > 0, svg);
        assertTrue(legendY.size() == 2, svg);
        for (double y : legendY) {
            // 10 px text: a baseline at least one line (11 px) below the title's cannot overlap it
            assertTrue(y - titleY >= 11, "legend at y " + y + ", title at " + titleY);
        }
    }
}
