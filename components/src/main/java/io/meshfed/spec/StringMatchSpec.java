package io.meshfed.spec;

/** Exactly one of exact, prefix or regex. */
public record StringMatchSpec(String exact, String prefix, String regex) {

    public int kindsSet() {
        return (exact != null ? 1 : 0) + (prefix != null ? 1 : 0) + (regex != null ? 1 : 0);
    }
}
