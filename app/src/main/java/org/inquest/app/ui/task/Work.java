package org.inquest.app.ui.task;

/** A unit of DuckDB work run off the UI thread, on a worker that owns its connection. */
@FunctionalInterface
public interface Work<T> {
    T run(WorkContext context) throws Exception;
}
