package org.inquest.app.ui.common;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of an engine's result record by component name (nested records flattened as {@code outer.inner}),
 * so that one table shows binary, multi-class or regression metrics without a view per kind.
 */
public final class Records {
    private Records() {
    }

    public static Map<String, Object> numbers(Object record) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (record != null) {
            collect("", record, out);
        }
        return out;
    }

    private static void collect(String prefix, Object record, Map<String, Object> out) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            String name = prefix + snake(c.getName());
            if (v instanceof Number || (v == null && Number.class.isAssignableFrom(c.getType()))) {
                out.put(name, v instanceof Integer i ? Long.valueOf(i) : v);
            } else if (c.getType().isPrimitive() && v != null && !(v instanceof Boolean)) {
                out.put(name, v);
            } else if (v != null && v.getClass().isRecord()) {
                collect(name + ".", v, out);
            }
        }
    }

    /** {@code rocAuc} → {@code roc_auc}, as the contract spells it. */
    public static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
