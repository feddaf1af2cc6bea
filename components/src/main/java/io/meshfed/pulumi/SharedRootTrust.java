package io.meshfed.pulumi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.fabric8.kubernetes.api.model.Secret;
import io.meshfed.pulumi.internal.Children;
import io.meshfed.pulumi.internal.Dependencies;
import io.meshfed.pulumi.internal.InvalidInputs;
import io.meshfed.pulumi.internal.Known;
import io.meshfed.pulumi.internal.Live;
import io.meshfed.pulumi.internal.MeshViews;
import io.meshfed.pulumi.internal.Plans;
import io.meshfed.pulumi.internal.StructuralTrust;
import io.meshfed.spec.MeshSpec;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.Stage;
import io.meshfed.translate.TrustSource;
import io.meshfed.trust.MeshTrustSource;
import io.meshfed.trust.ProvidedRoot;
import io.meshfed.trust.SecretPem;
import io.meshfed.trust.TrustSeed;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mesh's shared root of trust: one root, an intermediate CA per cluster, and in each cluster the
 * {@code istio-system/cacerts} Secret istiod's plugged-in CA reads. Its contents, and the
 * {@code cacerts} output, are Pulumi secrets. Pass it to every {@link IstioInstallation}.
 */
public final class SharedRootTrust extends ComponentResource {

    public static final String TYPE = "meshfed:index:SharedRootTrust";
    private static final String ROOT_FILE = "root-cert.pem";

    /** Cluster → its {@code cacerts} files (ca-cert.pem, ca-key.pem, cert-chain.pem, root-cert.pem); a secret. */
    @Export(name = "cacerts", refs = {Map.class, String.class, Map.class, String.class, String.class}, tree = "[0,1,[2,3,4]]")
    public final Output<Map<String, Map<String, String>>> cacerts;

    /** Every root the clusters trust (two during a root rotation), PEM; not secret. */
    @Export(name = "rootCertificates", refs = {String.class})
    public final Output<String> rootCertificates;

    @Export(name = "rootFingerprintSha256", refs = {String.class})
    public final Output<String> rootFingerprintSha256;

    /** The trust as an input of other components (clusters and settings, no key material). */
    @Export(name = "reference", refs = {TrustReference.class})
    public final Output<TrustReference> reference;

    private final TrustReference live;

    public SharedRootTrust(String name, SharedRootTrustArgs args, ComponentResourceOptions options) {
        super(TYPE, name, validated(name, args, options));
        Known.Value<List<ClusterReference>> clusters = Known.require(args.clusters(), "clusters");
        this.live = TrustReference.builder().mesh(clusters.value().get(0).mesh()).clusters(clusters.value()).settings(args.settings()).build();
        Live.register(live, this);
        MeshSpec view = MeshViews.trust(live);
        Output<TrustSource> source = trustSource(view, args);
        Output<List<Resource>> deps = Dependencies.plus(Dependencies.of(options), clusters.resources());
        Map<String, Output<Map<String, String>>> files = new TreeMap<>();
        for (int i = 0; i < clusters.value().size(); i++) {
            ClusterReference cluster = clusters.value().get(i);
            MeshObject secret = Plans.translate(view, StructuralTrust.INSTANCE).cluster(cluster.name()).objects(Stage.TRUST).get(0);
            Output<Map<String, String>> contents = source.applyValue(trust -> stringData(view, trust, cluster.name()));
            new Children(this, cluster.name(), Live.provider(cluster, "clusters[" + i + "]")).secret(secret, deps, contents);
            files.put(cluster.name(), contents);
        }
        this.cacerts = Output.all(List.copyOf(files.values())).applyValue(values -> zip(List.copyOf(files.keySet()), values)).asSecret();
        String first = clusters.value().get(0).name();
        this.rootCertificates = source.applyValue(trust -> trust.cacerts(first).get(ROOT_FILE)).asPlaintext();
        this.rootFingerprintSha256 = source.applyValue(TrustSource::rootFingerprintSha256).asPlaintext();
        this.reference = Output.of(live);
        registerOutputs(Map.of("cacerts", cacerts, "rootCertificates", rootCertificates,
                "rootFingerprintSha256", rootFingerprintSha256, "reference", reference));
    }

    /** One cluster's {@code cacerts} files, a secret. */
    public Output<Map<String, String>> cacerts(String cluster) {
        return cacerts.applyValue(all -> all.get(cluster));
    }

    TrustReference live() {
        return live;
    }

    /** The Secret's contents as the translation writes them with the real trust source. */
    private static Map<String, String> stringData(MeshSpec view, TrustSource trust, String cluster) {
        Secret secret = (Secret) Plans.translate(view, trust).cluster(cluster).objects(Stage.TRUST).get(0).object();
        return new TreeMap<>(secret.getStringData());
    }

    private static Output<TrustSource> trustSource(MeshSpec view, SharedRootTrustArgs args) {
        if (args.seed() == null) {
            return Output.of(TrustSources.current().apply(view));
        }
        if (args.providedRoot() == null) {
            return args.seed().applyValue(seed -> MeshTrustSource.of(view, TrustSeed.fromBase64(seed.trim())));
        }
        return Output.tuple(args.seed(), args.providedRoot().certificate(), args.providedRoot().privateKey())
                .applyValue(t -> MeshTrustSource.of(view, TrustSeed.fromBase64(t.t1.trim()), new ProvidedRoot(t.t2, new SecretPem(t.t3))));
    }

    private static ComponentResourceOptions validated(String name, SharedRootTrustArgs args, ComponentResourceOptions options) {
        InvalidInputs problems = new InvalidInputs(TYPE, name);
        Known.Value<List<ClusterReference>> clusters = Known.require(args.clusters(), "clusters");
        if (clusters.value().isEmpty()) {
            problems.add("clusters", "at least one cluster is required").throwIfAny();
        }
        String mesh = clusters.value().get(0).mesh();
        for (int i = 1; i < clusters.value().size(); i++) {
            if (!mesh.equals(clusters.value().get(i).mesh())) {
                problems.add("clusters[" + i + "]", "belongs to mesh '" + clusters.value().get(i).mesh() + "', clusters[0] to '" + mesh + "'");
            }
        }
        if (args.providedRoot() != null && args.seed() == null) {
            problems.add("providedRoot", "needs seed: the intermediates' keys derive from it");
        }
        TrustReference trust = TrustReference.builder().mesh(mesh).clusters(clusters.value()).settings(args.settings()).build();
        problems.map("name", "clusters[0].mesh").map("clusters", "clusters").map("trust", "settings")
                .requireValid(MeshViews.trust(trust));
        return Dependencies.after(options, clusters.resources());
    }

    private static Map<String, Map<String, String>> zip(List<String> clusters, List<Map<String, String>> files) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            out.put(clusters.get(i), files.get(i));
        }
        return out;
    }
}
