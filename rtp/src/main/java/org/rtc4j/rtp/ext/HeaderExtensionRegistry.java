package org.rtc4j.rtp.ext;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The negotiated mapping between header extension ids (1-255) and URIs for one session, as
 * read from SDP {@code a=extmap} lines. Lookup by id is an array index, so it is free on the
 * packet path.
 */
public final class HeaderExtensionRegistry {
    /** Creates an empty registry: no id is mapped until {@code a=extmap} lines are added. */
    public HeaderExtensionRegistry() {
    }

    private final String[] byId = new String[256];
    private final Map<String, Integer> byUri = new TreeMap<>();

    /**
     * Registers {@code uri} at {@code id}, replacing any previous mapping of either.
     *
     * @param id  the extension id from {@code a=extmap}, 1-255
     * @param uri the extension URI, e.g. one of {@link ExtensionUris}; not null
     * @return this registry
     * @throws IllegalArgumentException for ids outside 1-255 (0 and 15 are reserved in the one-byte
     *                                  form but valid in the two-byte form, so only 0 is refused),
     *                                  or a null {@code uri}
     */
    public HeaderExtensionRegistry register(int id, String uri) {
        if (id < 1 || id > 255 || uri == null) {
            throw new IllegalArgumentException("extension id " + id);
        }
        Integer old = byUri.remove(uri);
        if (old != null) {
            byId[old] = null;
        }
        if (byId[id] != null) {
            byUri.remove(byId[id]);
        }
        byId[id] = uri;
        byUri.put(uri, id);
        return this;
    }

    /**
     * @param uri the extension URI
     * @return the id of {@code uri}, or -1 if not negotiated
     */
    public int idOf(String uri) {
        Integer id = byUri.get(uri);
        return id == null ? -1 : id;
    }

    /**
     * @param id the extension id; out-of-range ids are allowed and map to nothing
     * @return the URI registered at {@code id}, or null
     */
    public String uriOf(int id) {
        return id < 1 || id > 255 ? null : byId[id];
    }

    /** @return true if every registered id fits the one-byte form (1-14) */
    public boolean fitsOneByteForm() {
        return byUri.values().stream().allMatch(id -> id <= 14);
    }

    /** @return an immutable copy of the mapping, URI to id */
    public Map<String, Integer> asMap() {
        return Map.copyOf(byUri);
    }

    /** Drops every mapping. */
    public void clear() {
        Arrays.fill(byId, null);
        byUri.clear();
    }
}
