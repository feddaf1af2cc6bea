package io.meshfed.provider;

import com.pulumi.provider.internal.ErrorHandlingInterceptor;
import com.pulumi.provider.internal.Provider;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import pulumirpc.ResourceProviderGrpc;

/**
 * The provider's gRPC server as {@code ComponentProviderHost.start} builds it, minus the stdout port
 * line and the blocking: pulumi-java's own {@code ResourceProviderService.ResourceProviderImpl}
 * (package-private, reached by reflection) over the {@link MeshfedComponentProvider} {@code main} serves,
 * behind pulumi-java's {@link ErrorHandlingInterceptor}, on a localhost port. The client stub is
 * what the engine uses to call {@code Construct}.
 *
 * <p>Each server gets its own executor, i.e. fresh threads, as a fresh provider process would: pulumi-java
 * 1.36.1 keeps the construct's deployment in a {@code ThreadLocal} ({@code DeploymentInstanceHolder})
 * and {@code ResourceProviderImpl.handleCompletion} only clears it when a construct succeeds. After a
 * failed construct, the next one on the same threads (gRPC's default executor is JVM-wide) sends part
 * of its registrations through the failed construct's deployment, i.e. to the old monitor address.
 */
final class ProviderServer implements AutoCloseable {

    private static final String IMPL = "com.pulumi.provider.internal.ResourceProviderService$ResourceProviderImpl";

    private final ExecutorService executor;
    private final Server server;
    private final ManagedChannel channel;

    ProviderServer(String engineAddress) throws IOException, ReflectiveOperationException {
        this(engineAddress, Executors.newCachedThreadPool());
    }

    ProviderServer(String engineAddress, ExecutorService executor) throws IOException, ReflectiveOperationException {
        this.executor = executor;
        Provider provider = new MeshfedComponentProvider(SchemaGenerator.VERSION);
        Constructor<?> constructor = Class.forName(IMPL).getDeclaredConstructor(String.class, Provider.class);
        constructor.setAccessible(true);
        BindableService service = (BindableService) constructor.newInstance(engineAddress, provider);
        server = ServerBuilder.forPort(0).executor(executor).addService(service).intercept(new ErrorHandlingInterceptor()).build().start();
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    }

    ResourceProviderGrpc.ResourceProviderBlockingStub stub() {
        return ResourceProviderGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        executor.shutdownNow();
    }
}
