package io.meshfed.provider;

import com.pulumi.provider.internal.ComponentProvider;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.Provider;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.provider.internal.models.GetSchemaResponse;
import io.meshfed.pulumi.Mesh;
import java.util.concurrent.CompletableFuture;

/**
 * pulumi-java's component provider for {@code io.meshfed.pulumi}, with what its schema inference and
 * state serialisation cannot express added: {@link SchemaOverrides} on the inferred schema, and the
 * clusters' Kubernetes providers sent as resource references ({@link ProviderReferences}).
 */
public final class MeshfedComponentProvider implements Provider {

    private final ComponentProvider inferred;

    public MeshfedComponentProvider(String version) {
        this.inferred = new ComponentProvider(new Metadata(MeshfedProvider.PACKAGE, version), Mesh.class.getPackage());
    }

    @Override
    public CompletableFuture<GetSchemaResponse> getSchema(GetSchemaRequest request) {
        return inferred.getSchema(request).thenApply(response -> new GetSchemaResponse(SchemaOverrides.apply(response.getSchema())));
    }

    @Override
    public CompletableFuture<ConstructResponse> construct(ConstructRequest request) {
        return inferred.construct(request).thenApply(ProviderReferences::asResourceReferences);
    }
}
