package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"

	kubeyaml "k8s.io/apimachinery/pkg/util/yaml"

	"istio.io/istio/pilot/pkg/config/kube/crd"
	"istio.io/istio/pkg/config"
	"istio.io/istio/pkg/config/schema/collections"
	"istio.io/istio/pkg/config/schema/resource"
)

type file struct {
	path string
	data []byte
}

func loadFiles(paths []string) ([]file, error) {
	files := make([]file, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		files = append(files, file{path: p, data: data})
	}
	return files, nil
}

// validate converts every Istio / Gateway API object with Istio's own conversion and runs the
// kind's validation, as the validating webhook would (istioctl validate does the same). Objects
// with errors are left out of the returned config, since the webhook would have refused them. The
// valid objects are also returned as JSON, as the API server would store them.
func validate(files []file, report *Report) ([]config.Config, []string) {
	var valid []config.Config
	var docs []string
	schemas := collections.PilotGatewayAPI()
	for _, f := range files {
		decoder := kubeyaml.NewYAMLOrJSONDecoder(bytes.NewReader(f.data), 512*1024)
		for {
			obj := crd.IstioKind{}
			err := decoder.Decode(&obj)
			if err == io.EOF {
				break
			}
			if err != nil {
				report.Validation = append(report.Validation, Issue{File: f.path, Level: "Error", Message: fmt.Sprintf("cannot parse: %v", err)})
				break
			}
			if reflect.DeepEqual(obj, crd.IstioKind{}) {
				continue
			}
			gvk := obj.GroupVersionKind()
			s, known := schemas.FindByGroupVersionAliasesKind(resource.FromKubernetesGVK(&gvk))
			if !known {
				continue
			}
			issue := Issue{File: f.path, Kind: obj.Kind, Namespace: obj.Namespace, Name: obj.Name}
			cfg, err := crd.ConvertObject(s, &obj, "")
			if err != nil {
				issue.Level, issue.Message = "Error", fmt.Sprintf("cannot convert: %v", err)
				report.Validation = append(report.Validation, issue)
				continue
			}
			warnings, err := s.ValidateConfig(*cfg)
			if warnings != nil {
				w := issue
				w.Level, w.Message = "Warning", warnings.Error()
				report.Validation = append(report.Validation, w)
			}
			if err != nil {
				issue.Level, issue.Message = "Error", err.Error()
				report.Validation = append(report.Validation, issue)
				continue
			}
			valid = append(valid, *cfg)
			doc, err := json.Marshal(obj)
			if err != nil {
				panic(err) // obj was just decoded from JSON or YAML
			}
			docs = append(docs, string(doc))
		}
	}
	return valid, docs
}
