package org.inquest.app.ui.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.inquest.analysis.calibration.Calibration;
import org.inquest.analysis.calibration.CalibrationBin;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.common.Format;

/**
 * The calibration tab's state: the ECE/MCE line, the reliability curves (one point per bin: mean predicted score,
 * fraction positive) and each slice's share of scored rows per bin, all from the snapshot's calibrations (no query
 * of its own).
 */
public final class CalibrationViewModel {
    /** One bin on the reliability diagram. */
    public record Point(double meanPredicted, double fractionPositive) {
    }

    /** One slice's reliability curve. */
    public record Curve(String name, List<Point> points) {
        public Curve {
            points = List.copyOf(points);
        }
    }

    /** One bin of the score histogram: its label ("0.2–0.3") and its share of the slice's scored rows. */
    public record Bar(String bin, double share) {
    }

    /** One slice's histogram. */
    public record Bars(String name, List<Bar> bars) {
        public Bars {
            bars = List.copyOf(bars);
        }
    }

    private final SimpleStringProperty numbers = new SimpleStringProperty("");
    private final SimpleObjectProperty<List<Curve>> curves = new SimpleObjectProperty<>(List.of());
    private final SimpleObjectProperty<List<Bars>> histogram = new SimpleObjectProperty<>(List.of());

    public void show(IncidentSnapshot s) {
        curves.set(List.of());
        histogram.set(List.of());
        if (s == null) {
            numbers.set("");
            return;
        }
        Calibration ref = s.referenceCalibration();
        Calibration cur = s.currentCalibration();
        if (ref == null && cur == null) {
            numbers.set("Calibration needs a score and a label column (binary classification) in a slice.");
            return;
        }
        numbers.set(String.format(Locale.ROOT, "ECE: reference %s, current %s · MCE: reference %s, current %s"
                + " · %s bins, labeled and scored rows: reference %s, current %s",
                Format.number(ref == null ? null : ref.ece(), 4), Format.number(cur == null ? null : cur.ece(), 4),
                Format.number(ref == null ? null : ref.mce(), 4), Format.number(cur == null ? null : cur.mce(), 4),
                cur != null ? cur.strategy() : ref.strategy(), ref == null ? Format.NONE : Format.count(ref.count()),
                cur == null ? Format.NONE : Format.count(cur.count())));
        List<Curve> c = new ArrayList<>();
        List<Bars> h = new ArrayList<>();
        addSlice("reference", ref, c, h);
        addSlice("current", cur, c, h);
        curves.set(List.copyOf(c));
        histogram.set(List.copyOf(h));
    }

    private static void addSlice(String name, Calibration c, List<Curve> curves, List<Bars> histogram) {
        if (c == null) {
            return;
        }
        curves.add(new Curve(name, c.bins().stream().map(b -> new Point(b.meanPredicted(), b.fractionPositive()))
                .toList()));
        if (c.count() == 0) {
            return;
        }
        List<Bar> bars = new ArrayList<>();
        for (CalibrationBin b : c.bins()) {
            bars.add(new Bar(String.format(Locale.ROOT, "%.1f–%.1f", b.lower(), b.upper()),
                    (double) b.count() / c.count()));
        }
        histogram.add(new Bars(name, bars));
    }

    /** The line above the charts: ECE and MCE of both slices, the binning and how many rows each used. */
    public ReadOnlyStringProperty numbersProperty() {
        return numbers;
    }

    /** Reference's curve, then current's (a slice without calibration has none). */
    public ReadOnlyObjectProperty<List<Curve>> curvesProperty() {
        return curves;
    }

    /** Reference's histogram, then current's (none for a slice without scored rows). */
    public ReadOnlyObjectProperty<List<Bars>> histogramProperty() {
        return histogram;
    }
}
