package io.meshfed.verify;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP request as routing sees it: path and headers (names lower-cased). */
public record Request(String path, Map<String, String> headers) {

    public Request {
        Map<String, String> lower = new TreeMap<>();
        (headers == null ? Map.<String, String>of() : headers).forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = Map.copyOf(lower);
        path = path == null ? "/" : path;
    }

    public static Request get() {
        return new Request("/", Map.of());
    }
}
