package io.meshfed.pulumi.internal;

import io.meshfed.pulumi.TrustSources;
import io.meshfed.spec.MeshSpec;
import io.meshfed.spec.SpecLoader;
import io.meshfed.translate.ClusterPlan;
import io.meshfed.translate.MeshPlan;
import io.meshfed.translate.Translator;
import io.meshfed.translate.TrustSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The translation of a spec text, shared by all components built from the same spec (each
 * per-cluster component translates the whole mesh; the cache keeps that to one translation).
 */
public final class Plans {

    private record Key(Object spec, Object trust) {
    }

    private static final int CAPACITY = 32;
    private static final Map<Key, MeshPlan> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, MeshPlan> eldest) {
            return size() > CAPACITY;
        }
    };

    private Plans() {
    }

    /** Loads (validating) and translates; throws {@code InvalidSpecException} with the report. */
    public static MeshPlan mesh(String specText) {
        Function<MeshSpec, TrustSource> trust = TrustSources.current();
        Key key = new Key(specText, trust);
        synchronized (CACHE) {
            MeshPlan cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        MeshSpec spec = SpecLoader.load(specText, "meshfed component input 'spec'");
        MeshPlan plan = Translator.translate(spec, trust.apply(spec));
        synchronized (CACHE) {
            CACHE.put(key, plan);
        }
        return plan;
    }

    public static ClusterPlan cluster(String specText, String cluster) {
        return mesh(specText).cluster(cluster);
    }

    /**
     * The translation of a (valid) spec a typed component assembled, with the trust source it has:
     * components built from the same references share one translation.
     */
    public static MeshPlan translate(MeshSpec spec, TrustSource trust) {
        Key key = new Key(spec, trust);
        synchronized (CACHE) {
            MeshPlan cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        MeshPlan plan = Translator.translate(spec, trust);
        synchronized (CACHE) {
            CACHE.put(key, plan);
        }
        return plan;
    }
}
