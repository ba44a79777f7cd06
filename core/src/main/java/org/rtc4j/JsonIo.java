package org.rtc4j;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the flat JSON objects that browsers exchange for descriptions and candidates
 * ({@code {"type":"offer","sdp":"..."}}). Only string, number and null members are accepted:
 * these objects have no nesting, and anything else is refused rather than guessed at.
 */
final class JsonIo {

    // An SDP is at most 1 MiB (the SDP parser's own limit); leave room for JSON escaping.
    private static final int MAX_STRING = 4 << 20;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING).maxNestingDepth(2).build())
            .build();

    private JsonIo() {
    }

    /** Members of one flat JSON object, in order; values are String, Long, Double or null. */
    static Map<String, Object> readFlatObject(String json) {
        if (json == null) {
            throw new IllegalArgumentException("JSON is null");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("JSON is not an object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (v) {
                    case VALUE_STRING: out.put(name, p.getText()); break;
                    case VALUE_NUMBER_INT: out.put(name, p.getLongValue()); break;
                    case VALUE_NUMBER_FLOAT: out.put(name, p.getDoubleValue()); break;
                    case VALUE_NULL: out.put(name, null); break;
                    default: throw new IllegalArgumentException("unexpected JSON value for \"" + name + "\": " + v);
                }
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON object");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
        }
        return out;
    }

    /** One flat JSON object from ordered members; values may be String, Number or null. */
    static String writeFlatObject(Map<String, ?> members) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            for (Map.Entry<String, ?> e : members.entrySet()) {
                Object v = e.getValue();
                if (v == null) {
                    g.writeNullField(e.getKey());
                } else if (v instanceof Integer || v instanceof Long) {
                    g.writeNumberField(e.getKey(), ((Number) v).longValue());
                } else {
                    g.writeStringField(e.getKey(), v.toString());
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v != null && !(v instanceof String)) {
            throw new IllegalArgumentException("\"" + key + "\" is not a string");
        }
        return (String) v;
    }
}
