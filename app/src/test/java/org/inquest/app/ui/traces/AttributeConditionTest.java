package org.inquest.app.ui.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.inquest.connectors.error.UsageException;
import org.junit.jupiter.api.Test;

class AttributeConditionTest {
    static String text(String key, AttributeCondition.Op op, String value) {
        return new AttributeCondition(key, op, value).filterText();
    }

    @Test
    void writesFilterLanguageWithTheValueInItsClass() {
        assertEquals("attributes['http.status_code'] >= 500", text("http.status_code", AttributeCondition.Op.GE, "500"));
        assertEquals("attributes['db.system'] = 'redis'", text(" db.system ", AttributeCondition.Op.EQ, "redis"));
        assertEquals("attributes['sampled'] = true", text("sampled", AttributeCondition.Op.EQ, "TRUE"));
        // a value with a quote and a key with a quote are doubled, never closing the literal
        assertEquals("attributes['it''s'] != 'a''b'", text("it's", AttributeCondition.Op.NE, "a'b"));
        // "1e3x" is not a number: text
        assertEquals("attributes['v'] < '1e3x'", text("v", AttributeCondition.Op.LT, "1e3x"));
        assertEquals("attributes['v'] < -2.5e3", text("v", AttributeCondition.Op.LT, "-2.5e3"));
        assertEquals("attributes['route'] LIKE '/v1/%'", text("route", AttributeCondition.Op.LIKE, "/v1/%"));
        assertEquals("attributes['error'] IS NOT NULL", text("error", AttributeCondition.Op.EXISTS, null));
        assertThrows(UsageException.class, () -> text("rows", AttributeCondition.Op.GT, ""));
        assertThrows(UsageException.class, () -> text(" ", AttributeCondition.Op.EQ, "x"));
    }
}
