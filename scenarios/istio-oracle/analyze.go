package main

import (
	"os"
	"path/filepath"

	meshconfig "istio.io/api/mesh/v1alpha1"
	"istio.io/istio/pkg/config/analysis/analyzers"
	"istio.io/istio/pkg/config/analysis/local"
	"istio.io/istio/pkg/config/mesh"
	"istio.io/istio/pkg/config/resource"
	"istio.io/istio/pkg/config/validation/agent"
)

func meshConfig(yaml string) (*meshconfig.MeshConfig, error) {
	return mesh.ApplyMeshConfigDefaults(yaml)
}

// meshConfigIssues are what istiod's mesh validation says of the effective mesh config: istiod
// runs agent.ValidateMeshConfig on it and logs the warnings ("warnings occurred during mesh
// validation", pkg/config/mesh/mesh.go at 1.30.3), e.g. for deprecated proxyMetadata.
func meshConfigIssues(m *meshconfig.MeshConfig) []Issue {
	warn, err := agent.ValidateMeshConfig(m)
	var issues []Issue
	for _, e := range []struct {
		level string
		err   error
	}{{"Error", err}, {"Warning", warn}} {
		if e.err == nil {
			continue
		}
		errs := []error{e.err}
		if multi, ok := e.err.(interface{ WrappedErrors() []error }); ok {
			errs = multi.WrappedErrors()
		}
		for _, one := range errs {
			issues = append(issues, Issue{File: "meshConfig (istiod values)", Kind: "MeshConfig", Level: e.level, Message: one.Error()})
		}
	}
	return issues
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
