package io.meshfed.stack;

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
import pulumirpc.Resource.RegisterResourceResponse;

/** Runs a program under Pulumi's mock engine and records every RegisterResource request. */
final class MockStack {

    record Run(TestResult result, List<Registered> resources, List<RegisterResourceRequest> requests) {
    }

    private static final Mocks ECHO = args -> CompletableFuture.completedFuture(
            Mocks.ResourceResult.of(Optional.of(args.name + "_id"), args.inputs));

    private MockStack() {
    }

    static Run run(String stack, Map<String, String> config, Consumer<Context> program) {
        return run(stack, config, ECHO, program);
    }

    /** As {@link #run(String, Map, Consumer)}, with {@code mocks} answering registrations and reads. */
    static Run run(String stack, Map<String, String> config, Mocks mocks, Consumer<Context> program) {
        List<Registered> resources = Collections.synchronizedList(new ArrayList<>());
        List<RegisterResourceRequest> requests = Collections.synchronizedList(new ArrayList<>());
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("meshfed").stackName(stack).preview(false).build())
                .mocks(mocks)
                .config(config)
                .monitorDecorator(monitor -> new Recording(mocks, resources, requests))
                .build();
        TestResult result = test.runTest(program);
        return new Run(result, List.copyOf(resources), List.copyOf(requests));
    }

    private static final class Recording extends MockMonitor {
        private final List<Registered> resources;
        private final List<RegisterResourceRequest> requests;

        Recording(Mocks mocks, List<Registered> resources, List<RegisterResourceRequest> requests) {
            super(mocks, PulumiTestInternal.mockLog());
            this.resources = resources;
            this.requests = requests;
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
            requests.add(request);
            return super.registerResourceAsync(resource, request).thenApply(response -> {
                resources.add(new Registered(response.getUrn(), request.getType(), request.getName(), request.getParent(),
                        request.getProvider(), List.copyOf(request.getDependenciesList()), Structs.toMap(request.getObject()),
                        request.getCustom()));
                return response;
            });
        }
    }
}
