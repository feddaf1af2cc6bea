package io.meshfed.render;

import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.HelmRelease;
import io.meshfed.translate.MeshObject;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a plan as GitOps-ready files: {@code <cluster>/<stage>/<kind>-<namespace>-<name>.yaml},
 * Helm values per release and a {@code kustomization.yaml} per cluster for {@code kubectl apply -k}.
 * Private keys are redacted unless asked for. The same plan always gives the same bytes, in the
 * same order.
 */
public final class Renderer {

    private final boolean includeSecrets;

    public Renderer(boolean includeSecrets) {
        this.includeSecrets = includeSecrets;
    }

    /** Clusters are rendered in parallel (serialisation dominates); the file order is the plan's. */
    public List<RenderedFile> render(MeshPlan plan) {
        return plan.clusters().parallelStream()
                .map(this::render)
                .flatMap(List::stream)
                .toList();
    }

    public List<RenderedFile> render(ClusterPlan cluster) {
        List<RenderedFile> files = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            for (HelmRelease release : cluster.releases(stage)) {
                files.add(new RenderedFile(cluster.cluster() + "/" + stage.directory() + "/helm-" + release.name() + ".values.yaml",
                        helmHeader(release) + Yaml.of(release.values())));
            }
            for (MeshObject object : cluster.objects(stage)) {
                String relative = stage.directory() + "/" + fileName(object);
                boolean redacted = !includeSecrets && Redaction.holdsPrivateKey(object.object());
                String yaml = Yaml.of(redacted ? Redaction.redact(object.object()) : object.object());
                files.add(new RenderedFile(cluster.cluster() + "/" + relative, yaml));
                (redacted ? excluded : resources).add(relative);
            }
        }
        files.add(new RenderedFile(cluster.cluster() + "/kustomization.yaml", kustomization(cluster, resources, excluded)));
        return files;
    }

    public static void write(List<RenderedFile> files, Path outputDirectory) {
        try {
            for (RenderedFile file : files) {
                Path target = outputDirectory.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.content(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rendered files under " + outputDirectory, e);
        }
    }

    static String fileName(MeshObject object) {
        String ns = object.namespace() == null ? "" : object.namespace() + "-";
        return object.kind().toLowerCase(java.util.Locale.ROOT) + "-" + ns + object.name() + ".yaml";
    }

    private static String helmHeader(HelmRelease release) {
        return "# helm upgrade --install " + release.name() + " " + release.chart()
                + " --repo " + release.repository() + " --version " + release.version()
                + " --namespace " + release.namespace() + " --values <this file>\n";
    }

    private static String kustomization(ClusterPlan cluster, List<String> resources, List<String> excluded) {
        StringBuilder out = new StringBuilder();
        out.append("# meshfed: objects of cluster ").append(cluster.cluster()).append(", in stage order.\n");
        out.append("# Install the Helm releases (helm-*.values.yaml) of 30-istio and 40-gateways between stages.\n");
        for (String file : excluded) {
            out.append("# not applied: ").append(file).append(" holds a redacted private key (render with --include-secrets)\n");
        }
        out.append(Yaml.of(Map.of("apiVersion", "kustomize.config.k8s.io/v1beta1", "kind", "Kustomization", "resources", resources))
                .replaceFirst("^---\n", ""));
        return out.toString();
    }
}
