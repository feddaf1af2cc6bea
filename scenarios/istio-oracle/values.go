package main

import (
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"syscall"

	"sigs.k8s.io/yaml"

	"istio.io/istio/manifests"
)

// reexecMarker is set in the environment of the re-executed oracle, so it runs once more at most.
const reexecMarker = "ISTIO_ORACLE_EFFECTIVE_ENV"

// effectiveIstiod is what istiod runs with after Helm rendered the istiod chart with the given values:
// its environment (the Deployment's env) and its mesh config (the ConfigMap `istio`).
type effectiveIstiod struct {
	env        map[string]string
	meshConfig map[string]any
}

// istiodFromValues applies what the istiod chart does to user values before reading them, as of
// Istio 1.30.3: the selected profile is merged under the user's values
// (manifests/charts/istio-control/istio-discovery/templates/zzz_profile.yaml: defaults, then
// files/profile-<name>.yaml, then the user's values, last wins), then everything under `pilot` is
// copied to the top level (templates/zzy_descope_legacy.yaml), and the Deployment sets one
// environment variable per entry of `env` (templates/deployment.yaml). The profile files are read
// from the charts embedded in the istio module (manifests.FS); profile-ambient.yaml there is
// byte-identical to 1.30.3's.
func istiodFromValues(values map[string]any) (*effectiveIstiod, error) {
	merged := map[string]any{}
	profile, _ := values["profile"].(string)
	if profile == "" {
		if global, ok := values["global"].(map[string]any); ok {
			profile, _ = global["profile"].(string)
		}
	}
	if profile != "" {
		data, err := fs.ReadFile(manifests.FS, "charts/istio-control/istio-discovery/files/profile-"+profile+".yaml")
		if err != nil {
			return nil, fmt.Errorf("unknown istiod profile %q: %v", profile, err)
		}
		p := map[string]any{}
		if err := yaml.Unmarshal(data, &p); err != nil {
			return nil, fmt.Errorf("profile %s: %v", profile, err)
		}
		mergeOverwrite(merged, p)
	}
	mergeOverwrite(merged, values)
	if pilot, ok := merged["pilot"].(map[string]any); ok {
		mergeOverwrite(merged, pilot)
	}
	out := &effectiveIstiod{env: map[string]string{}, meshConfig: map[string]any{}}
	if env, ok := merged["env"].(map[string]any); ok {
		for k, v := range env {
			out.env[k] = fmt.Sprint(v)
		}
	}
	if mc, ok := merged["meshConfig"].(map[string]any); ok {
		out.meshConfig = mc
	}
	return out, nil
}

// mergeOverwrite merges src into dst as sprig's mustMergeOverwrite does: maps merge key by key,
// recursively; any other value of src replaces dst's.
func mergeOverwrite(dst, src map[string]any) {
	for k, v := range src {
		sm, sok := v.(map[string]any)
		dm, dok := dst[k].(map[string]any)
		if sok && dok {
			mergeOverwrite(dm, sm)
			continue
		}
		if sok {
			copied := map[string]any{}
			mergeOverwrite(copied, sm)
			dst[k] = copied
			continue
		}
		dst[k] = v
	}
}

// meshConfigYAML is the effective mesh config as istiod reads it.
func (e *effectiveIstiod) meshConfigYAML() (string, error) {
	data, err := yaml.Marshal(e.meshConfig)
	return string(data), err
}

// runWithEnv re-executes the oracle with istiod's environment when this process lacks part of it:
// Istio reads its feature flags once, when its packages initialise (pilot/pkg/features), so they
// cannot be changed afterwards. Returns only when nothing had to change.
func runWithEnv(env map[string]string) error {
	var missing []string
	for k, v := range env {
		if os.Getenv(k) != v {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	sort.Strings(missing)
	if os.Getenv(reexecMarker) != "" {
		return fmt.Errorf("re-executed, but the environment still lacks %s", strings.Join(missing, ", "))
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	// Go keeps the first of duplicate variables, so replaced ones are left out
	var environ []string
	for _, kv := range os.Environ() {
		if _, replaced := env[strings.SplitN(kv, "=", 2)[0]]; !replaced {
			environ = append(environ, kv)
		}
	}
	for k, v := range env {
		environ = append(environ, k+"="+v)
	}
	environ = append(environ, reexecMarker+"=1")
	return syscall.Exec(self, os.Args, environ)
}
