package io.meshfed.judge;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as Envoy's matchers see it: lower-case header names, HTTP/2 pseudo-headers
 * {@code :method}, {@code :path} (with the query string) and {@code :authority} included.
 */
public record HttpRequest(Map<String, String> headers) {

    public HttpRequest {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = Map.copyOf(lower);
    }

    public static HttpRequest of(String method, String authority, String path) {
        return new HttpRequest(Map.of(":method", method, ":authority", authority, ":path", path, ":scheme", "http"));
    }

    public HttpRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name.toLowerCase(Locale.ROOT), value);
        return new HttpRequest(copy);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String method() {
        return headers.get(":method");
    }

    public String authority() {
        return headers.get(":authority");
    }

    public String path() {
        return headers.get(":path");
    }

    /** {@code :path} without the query string and fragment. */
    public String pathOnly() {
        String p = path();
        int cut = p.length();
        for (char c : new char[] {'?', '#'}) {
            int i = p.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return p.substring(0, cut);
    }

    /** The query parameters, first value per name, undecoded as Envoy compares them. */
    public Map<String, String> queryParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        String p = path();
        int q = p.indexOf('?');
        if (q < 0) {
            return params;
        }
        String query = p.substring(q + 1).split("#", 2)[0];
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                params.putIfAbsent(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return params;
    }
}
