package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A request match: header values and the URI.
 */
public final class MatchArgs extends ResourceArgs {

    /** Header name to match. */
    @Import(name = "headers")
    @Export(name = "headers")
    private @Nullable Map<String, StringMatchArgs> headers;

    /** URI match. */
    @Import(name = "uri")
    @Export(name = "uri")
    private @Nullable StringMatchArgs uri;

    public MatchArgs() {
    }

    public Map<String, StringMatchArgs> headers() {
        return headers == null ? Map.of() : headers;
    }

    public @Nullable StringMatchArgs uri() {
        return uri;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final MatchArgs value = new MatchArgs();

        public Builder headers(Map<String, StringMatchArgs> headers) {
            value.headers = headers == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
            return this;
        }

        public Builder uri(StringMatchArgs uri) {
            value.uri = uri;
            return this;
        }

        public MatchArgs build() {
            return value;
        }
    }
}
