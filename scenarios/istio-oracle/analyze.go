package main

import (
	"os"
	"path/filepath"

	meshconfig "istio.io/api/mesh/v1alpha1"
	"istio.io/istio/pkg/config/analysis/analyzers"
	"istio.io/istio/pkg/config/analysis/local"
	"istio.io/istio/pkg/config/mesh"
	"istio.io/istio/pkg/config/resource"
)

func meshConfig(yaml string) (*meshconfig.MeshConfig, error) {
	return mesh.ApplyMeshConfigDefaults(yaml)
}

// analyze runs every analyzer of `istioctl analyze` over the rendered files and the cluster's
// inventory, offline, with the cluster's mesh config (istioctl/pkg/analyze/analyze.go does the same
// for files).
func analyze(req *Request, _ *meshconfig.MeshConfig) ([]map[string]any, error) {
	sa := local.NewIstiodAnalyzer(analyzers.AllCombined(), "", resource.Namespace("istio-system"), nil)
	meshFile := filepath.Join(os.TempDir(), "istio-oracle-mesh-"+req.Cluster+".yaml")
	if err := os.WriteFile(meshFile, []byte(req.MeshConfig), 0o600); err != nil {
		return nil, err
	}
	defer os.Remove(meshFile)
	if err := sa.AddFileKubeMeshConfig(meshFile); err != nil {
		return nil, err
	}
	if err := sa.AddDefaultResources(); err != nil {
		return nil, err
	}
	var readers []local.ReaderSource
	for _, path := range append(append([]string{}, req.ConfigFiles...), req.InventoryFile) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		readers = append(readers, local.ReaderSource{Name: path, Reader: f})
	}
	if err := sa.AddReaderKubeSource(readers); err != nil {
		return nil, err
	}
	cancel := make(chan struct{})
	result, err := sa.Analyze(cancel)
	if err != nil {
		return nil, err
	}
	messages := []map[string]any{}
	for _, m := range result.Messages {
		messages = append(messages, m.Unstructured(true))
	}
	return messages, nil
}
