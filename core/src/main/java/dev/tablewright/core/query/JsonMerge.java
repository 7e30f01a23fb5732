package dev.tablewright.core.query;

import java.util.LinkedHashMap;
import java.util.Map;

/** patchRow's deep merge: objects merge key by key, everything else (arrays included) replaces. */
final class JsonMerge {
    private JsonMerge() {
    }

    static Object merge(Object stored, Object patch) {
        if (stored instanceof Map<?, ?> base && patch instanceof Map<?, ?> update) {
            Map<String, Object> out = new LinkedHashMap<>();
            base.forEach((k, v) -> out.put(String.valueOf(k), v));
            update.forEach((k, v) -> out.put(String.valueOf(k), merge(out.get(String.valueOf(k)), v)));
            return out;
        }
        return patch;
    }
}
