package org.rtc4j.interop;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * One signaling message between the test and a real peer: {@code {"kind": ..., "value": ...}}
 * where the value is browser JSON ({@code {type,sdp}}, {@code {candidate,sdpMid,...}} or null
 * for end of candidates), a flat result object, or a log line.
 *
 * @param kind  desc, candidate, result or log
 * @param value the value's JSON text, unchanged
 */
record Envelope(String kind, String value) {

    private static final JsonFactory JSON = new JsonFactory();

    String toJson() {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("kind", kind);
            g.writeFieldName("value");
            g.writeRawValue(value);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    static Envelope parse(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not an object: " + json);
            }
            String kind = null;
            String value = "null";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("kind")) {
                    kind = p.getText();
                } else if (name.equals("value")) {
                    StringWriter w = new StringWriter();
                    try (JsonGenerator g = JSON.createGenerator(w)) {
                        g.copyCurrentStructure(p);
                    }
                    value = w.toString();
                } else {
                    p.skipChildren();
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException("no kind: " + json);
            }
            return new Envelope(kind, value);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad envelope: " + json, e);
        }
    }

    /** A flat JSON object: numbers as Long/Double, booleans as Boolean, the rest as text. */
    static Map<String, Object> flat(String json) {
        Map<String, Object> m = new HashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                JsonToken t = p.nextToken();
                Object v;
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    v = p.getLongValue();
                } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                    v = p.getDoubleValue();
                } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    v = p.getBooleanValue();
                } else if (t == JsonToken.VALUE_NULL) {
                    v = null;
                } else if (t.isStructStart()) {
                    p.skipChildren();
                    v = "<structure>";
                } else {
                    v = p.getText();
                }
                m.put(k, v);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("bad result: " + json, e);
        }
        return m;
    }
}
