package io.meshfed.pulumi.inputs;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * Exactly one of exact, prefix or regex.
 */
public final class StringMatchArgs extends ResourceArgs {

    /** Exact value. */
    @Import(name = "exact")
    @Export(name = "exact")
    private @Nullable String exact;

    /** Prefix. */
    @Import(name = "prefix")
    @Export(name = "prefix")
    private @Nullable String prefix;

    /** RE2 regular expression. */
    @Import(name = "regex")
    @Export(name = "regex")
    private @Nullable String regex;

    public StringMatchArgs() {
    }

    public @Nullable String exact() {
        return exact;
    }

    public @Nullable String prefix() {
        return prefix;
    }

    public @Nullable String regex() {
        return regex;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final StringMatchArgs value = new StringMatchArgs();

        public Builder exact(String exact) {
            value.exact = exact;
            return this;
        }

        public Builder prefix(String prefix) {
            value.prefix = prefix;
            return this;
        }

        public Builder regex(String regex) {
            value.regex = regex;
            return this;
        }

        public StringMatchArgs build() {
            return value;
        }
    }
}
