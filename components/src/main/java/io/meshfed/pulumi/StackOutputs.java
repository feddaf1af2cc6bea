package io.meshfed.pulumi;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import com.pulumi.resources.InputArgs;

/**
 * References exported by another stack, read back through a {@code StackReference}: Pulumi hands
 * them to Java as plain maps; these give them their types again (the field names are the schema's).
 */
public final class StackOutputs {

    /** Reads and writes the references' own fields, not the Pulumi SDK's bookkeeping in {@code InputArgs}. */
    static final ObjectMapper FIELDS = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(InputArgs.class, WithoutBookkeeping.class)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @JsonIgnoreProperties("inputInfos")
    private abstract static class WithoutBookkeeping {
    }

    private StackOutputs() {
    }

    /** A {@link MeshFederation#reference} exported by another stack, e.g. {@code platform.requireOutput("federation")}. */
    public static Output<FederationReference> federation(Output<?> stackOutput) {
        return stackOutput.applyValue(value -> FIELDS.convertValue(value, FederationReference.class));
    }

    /** A {@link MeshCluster#reference} exported by another stack. */
    public static Output<ClusterReference> cluster(Output<?> stackOutput) {
        return stackOutput.applyValue(value -> FIELDS.convertValue(value, ClusterReference.class));
    }
}
