package io.meshfed.provider;

import com.pulumi.provider.internal.ComponentProvider;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import io.meshfed.pulumi.Mesh;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/** The package schema exactly as the provider serves it; {@code main} writes it to a file. */
public final class SchemaGenerator {

    public static final String VERSION = "0.1.0";

    private SchemaGenerator() {
    }

    public static String schemaJson() throws ExecutionException, InterruptedException {
        return new MeshfedComponentProvider(VERSION).getSchema(new GetSchemaRequest(0, "", "")).get().getSchema();
    }

    /** The schema as pulumi-java infers it from the component classes, before {@link SchemaOverrides}. */
    public static String inferredSchemaJson() throws ExecutionException, InterruptedException {
        return new ComponentProvider(new Metadata(MeshfedProvider.PACKAGE, VERSION), Mesh.class.getPackage())
                .getSchema(new GetSchemaRequest(0, "", "")).get().getSchema();
    }

    /** The schema with object keys sorted, so the committed file only changes when the schema does. */
    public static String canonicalSchemaJson() throws ExecutionException, InterruptedException, IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT);
        Object tree = mapper.readValue(schemaJson(), Object.class);
        return mapper.writeValueAsString(tree) + "\n";
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "provider/schema.json");
        Files.writeString(out, canonicalSchemaJson());
    }
}
