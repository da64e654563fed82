package org.inquest.analysis.performance;

/**
 * Regression quality on labeled rows with a predicted value: MAE, RMSE, MAPE (a fraction, with |y| floored at
 * machine epsilon, as sklearn's mean_absolute_percentage_error) and R² (null when the labels are constant).
 */
public record RegressionMetrics(long rows, long labeled, Double mae, Double rmse, Double mape, Double r2)
        implements PerformanceMetrics {
    @Override
    public TaskKind task() {
        return TaskKind.REGRESSION;
    }
}
