package io.meshfed.spec;

/** One thing wrong with a spec, at a field path such as {@code traffic[0].routes[1].split[2].weight}. */
public record Problem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
