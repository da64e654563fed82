package org.inquest.app.ui.task;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a worker's connection for one task: every statement created through it is remembered, so that
 * {@link #cancel()} (called from the UI thread) can {@code Statement.cancel()} whatever DuckDB is running for that
 * task, even inside an analysis engine that only sees a {@link Connection}. {@code close()} on the wrapper is
 * ignored: the worker owns the real connection and reuses it for its next task.
 */
final class CancellableConnection implements InvocationHandler {
    private final Connection target;
    private final Set<Statement> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    private CancellableConnection(Connection target) {
        this.target = target;
    }

    static CancellableConnection wrap(Connection target) {
        return new CancellableConnection(target);
    }

    Connection connection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, this);
    }

    /** Cancels every statement still open for this task; later statements fail at once. */
    void cancel() {
        cancelled = true;
        for (Statement s : open) {
            try {
                s.cancel();
            } catch (SQLException | RuntimeException ignored) {
                // The statement finished or closed meanwhile: nothing left to cancel.
            }
        }
    }

    /** Closes what the task left open, so the next task on this worker starts clean. */
    void release() {
        for (Statement s : open) {
            try {
                s.close();
            } catch (SQLException | RuntimeException ignored) {
                // Already closed by DuckDB after a cancel.
            }
        }
        open.clear();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("close") && method.getParameterCount() == 0) {
            return null;
        }
        if (name.equals("isClosed") && method.getParameterCount() == 0 && cancelled) {
            return target.isClosed();
        }
        if (cancelled && (name.equals("createStatement") || name.equals("prepareStatement"))) {
            throw new SQLException("cancelled");
        }
        try {
            Object result = method.invoke(target, args);
            if (result instanceof Statement statement) {
                open.add(statement);
                if (cancelled) {
                    statement.cancel();
                }
            }
            return result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
