package io.meshfed.provider;

import java.util.ArrayList;
import java.util.List;

/** The engine address among a provider's arguments, as pulumi-java's ComponentProviderHost reads it. */
final class EngineAddress {

    private EngineAddress() {
    }

    static String of(String[] args) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--logtostderr") || arg.startsWith("-v=")) {
                continue;
            }
            if (arg.equals("--tracing") || arg.equals("--logflow")) {
                i += arg.equals("--tracing") ? 1 : 0;
                continue;
            }
            addresses.add(arg);
        }
        if (addresses.size() != 1) {
            throw new IllegalArgumentException("expected exactly one engine address argument, got " + addresses);
        }
        return addresses.get(0);
    }
}
