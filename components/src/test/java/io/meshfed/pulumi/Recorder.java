package io.meshfed.pulumi;

import com.pulumi.Context;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import pulumirpc.Resource.RegisterResourceRequest;

/** Runs a program under the mock engine and keeps each RegisterResource request with its URN. */
final class Recorder {

    record Call(String urn, RegisterResourceRequest request) {
        String type() {
            return request.getType();
        }

        String name() {
            return request.getName();
        }

        /** The provider reference without its id, i.e. the provider's URN. */
        String providerUrn() {
            String ref = request.getProvider();
            return ref.isEmpty() ? "" : ref.substring(0, ref.lastIndexOf("::"));
        }
    }

    record Run(TestResult result, List<Call> calls) {
        Call named(String name) {
            return calls.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no resource " + name));
        }

        List<Call> ofType(String type) {
            return calls.stream().filter(c -> c.type().equals(type)).toList();
        }
    }

    private static final Mocks ECHO = args -> CompletableFuture.completedFuture(
            Mocks.ResourceResult.of(Optional.of(args.name + "_id"), args.inputs));

    private Recorder() {
    }

    static Run run(Consumer<Context> program) {
        return run(ECHO, program);
    }

    static Run run(Mocks mocks, Consumer<Context> program) {
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        TestResult result = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("meshfed").stackName("test").preview(false).build())
                .mocks(mocks)
                .config(Map.of())
                .monitorDecorator(monitor -> new MockMonitor(mocks, PulumiTestInternal.mockLog()) {
                    @Override
                    public CompletableFuture<pulumirpc.Resource.RegisterResourceResponse> registerResourceAsync(
                            Resource resource, RegisterResourceRequest request) {
                        return super.registerResourceAsync(resource, request).thenApply(response -> {
                            calls.add(new Call(response.getUrn(), request));
                            return response;
                        });
                    }
                })
                .build()
                .runTest(program);
        return new Run(result, List.copyOf(calls));
    }
}
