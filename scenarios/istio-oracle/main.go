// Command istio-oracle asks Istio's own control-plane code about one cluster that meshfed rendered:
// it validates every Istio object with Istio's validation, runs the analyzers behind
// `istioctl analyze`, and generates the Envoy configuration istiod would push to each requested
// proxy, written as Envoy admin config dumps. One run models one cluster's istiod.
//
// Usage: istio-oracle <request.json> <out-dir>
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: istio-oracle <request.json> <out-dir>")
		os.Exit(2)
	}
	req, err := readRequest(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "istio-oracle:", err)
		os.Exit(2)
	}
	if req.IstiodValues != nil {
		if err := applyIstiodValues(req); err != nil {
			fmt.Fprintln(os.Stderr, "istio-oracle: istiodValues:", err)
			os.Exit(2)
		}
	}
	if err := run(req, os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "istio-oracle:", err)
		os.Exit(1)
	}
}

func readRequest(path string) (*Request, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	req := &Request{}
	if err := json.Unmarshal(data, req); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	base := filepath.Dir(path)
	for i, f := range req.ConfigFiles {
		if !filepath.IsAbs(f) {
			req.ConfigFiles[i] = filepath.Join(base, f)
		}
	}
	if req.InventoryFile != "" && !filepath.IsAbs(req.InventoryFile) {
		req.InventoryFile = filepath.Join(base, req.InventoryFile)
	}
	return req, nil
}

// applyIstiodValues makes this process run as the istiod the values describe (it may re-execute it).
func applyIstiodValues(req *Request) error {
	eff, err := istiodFromValues(req.IstiodValues)
	if err != nil {
		return err
	}
	if err := runWithEnv(eff.env); err != nil {
		return err
	}
	req.MeshConfig, err = eff.meshConfigYAML()
	return err
}

func run(req *Request, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	files, err := loadFiles(req.ConfigFiles)
	if err != nil {
		return err
	}
	inventory, err := os.ReadFile(req.InventoryFile)
	if err != nil {
		return err
	}
	report := Report{Cluster: req.Cluster}
	valid, validDocs := validate(files, &report)
	meshCfg, err := meshConfig(req.MeshConfig)
	if err != nil {
		return fmt.Errorf("meshConfig: %v", err)
	}
	report.Validation = append(report.Validation, meshConfigIssues(meshCfg)...)
	report.Analysis, err = analyze(req, meshCfg)
	if err != nil {
		return fmt.Errorf("analyze: %v", err)
	}
	if err := writeJSON(filepath.Join(out, "report.json"), report); err != nil {
		return err
	}
	kube := string(inventory)
	if req.Ambient {
		if kube, err = ambientKubeObjects(kube, validDocs); err != nil {
			return err
		}
	}
	return generate(req, meshCfg, valid, kube, out)
}

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
