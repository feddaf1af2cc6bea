package io.meshfed.provider;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

/**
 * What the Pulumi engine is to a provider during {@code Construct}: a resource monitor and an engine
 * (logging) service on a localhost gRPC port, recording every registration in arrival order. URNs
 * are built as the engine builds them (parent type chain, {@code $}-joined). Custom resources get
 * their inputs back as outputs and an id; nothing is created anywhere.
 */
final class FakeEngine implements AutoCloseable {

    static final String PROJECT = "meshfed-test";
    static final String STACK = "test";
    static final String STACK_URN = urn("pulumi:pulumi:Stack", PROJECT + "-" + STACK);

    /** Features a current engine (CLI 3.x) reports as supported (the test passes without {@code outputValues} too). */
    private static final Set<String> FEATURES = Set.of("secrets", "resourceReferences", "deletedWith", "aliasSpecs", "outputValues");

    record Registration(String urn, RegisterResourceRequest request) {
        String type() {
            return request.getType();
        }

        String name() {
            return request.getName();
        }
    }

    private final List<Registration> registrations = new ArrayList<>();
    private final List<RegisterResourceOutputsRequest> outputs = new ArrayList<>();
    private final List<LogRequest> logs = new ArrayList<>();
    private final Server server;

    FakeEngine() throws IOException {
        server = ServerBuilder.forPort(0)
                .addService(new Monitor())
                .addService(new Engine())
                .build()
                .start();
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    synchronized List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    synchronized List<RegisterResourceOutputsRequest> registeredOutputs() {
        return List.copyOf(outputs);
    }

    synchronized List<LogRequest> logs() {
        return List.copyOf(logs);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    private static String urn(String qualifiedType, String name) {
        return "urn:pulumi:" + STACK + "::" + PROJECT + "::" + qualifiedType + "::" + name;
    }

    /** The type part of a URN: {@code urn:pulumi:stack::project::<qualified type>::name}. */
    static String qualifiedType(String urn) {
        return urn.split("::")[2];
    }

    private synchronized String register(RegisterResourceRequest request) {
        String parent = request.getParent();
        boolean underStack = parent.isEmpty() || parent.equals(STACK_URN);
        String type = underStack ? request.getType() : qualifiedType(parent) + "$" + request.getType();
        String urn = urn(type, request.getName());
        registrations.add(new Registration(urn, request));
        return urn;
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {
        @Override
        public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> response) {
            response.onNext(SupportsFeatureResponse.newBuilder().setHasSupport(FEATURES.contains(request.getId())).build());
            response.onCompleted();
        }

        @Override
        public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> response) {
            String urn = register(request);
            RegisterResourceResponse.Builder reply = RegisterResourceResponse.newBuilder().setUrn(urn);
            if (request.getCustom()) {
                reply.setId(request.getName() + "-id").setObject(request.getObject());
            } else {
                reply.setObject(Struct.getDefaultInstance());
            }
            response.onNext(reply.build());
            response.onCompleted();
        }

        @Override
        public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> response) {
            synchronized (FakeEngine.this) {
                outputs.add(request);
            }
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> response) {
            response.onError(Status.UNIMPLEMENTED.withDescription("fake engine: no invoke " + request.getTok()).asRuntimeException());
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {
        @Override
        public void log(LogRequest request, StreamObserver<Empty> response) {
            synchronized (FakeEngine.this) {
                logs.add(request);
            }
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void getRootResource(GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> response) {
            response.onNext(GetRootResourceResponse.newBuilder().setUrn(STACK_URN).build());
            response.onCompleted();
        }

        @Override
        public void setRootResource(SetRootResourceRequest request, StreamObserver<SetRootResourceResponse> response) {
            response.onNext(SetRootResourceResponse.getDefaultInstance());
            response.onCompleted();
        }
    }
}
