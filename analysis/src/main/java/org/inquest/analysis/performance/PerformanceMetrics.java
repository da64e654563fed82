package org.inquest.analysis.performance;

/** Model quality of one slice or group: binary, multi-class or regression metrics. */
public sealed interface PerformanceMetrics permits ClassificationMetrics, MulticlassMetrics, RegressionMetrics {
    TaskKind task();

    long rows();

    long labeled();

    /** The headline number of this kind of task (accuracy; R² for regression), null when undefined. */
    default Double headline() {
        if (this instanceof ClassificationMetrics c) {
            return c.accuracy();
        }
        if (this instanceof MulticlassMetrics m) {
            return m.accuracy();
        }
        return ((RegressionMetrics) this).r2();
    }
}
