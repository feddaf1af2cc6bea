package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	gatewayv1 "sigs.k8s.io/gateway-api/apis/v1"
	"sigs.k8s.io/yaml"

	"istio.io/istio/pilot/pkg/config/kube/gatewaycommon"
	"istio.io/istio/pilot/pkg/model"
)

// ambientKubeObjects adds to the cluster's Kubernetes objects what the ambient index reads from the
// API server rather than from istiod's config store: every rendered Istio and Gateway API object that
// passed validation (Istio's own ambient tests apply their config "to both",
// pilot/pkg/xds/waypoint_test.go setupWaypointTest) and the GatewayClasses istiod creates for its
// built-in classes (pilot/pkg/config/kube/gatewaycommon/gatewayclass.go reconcileClass: name,
// controllerName and description of classinfo.go). An object the inventory already holds (a
// Gateway with the status its controller wrote) is the running cluster's and is kept.
func ambientKubeObjects(inventory string, valid []string) (string, error) {
	have := map[string]bool{}
	for _, doc := range strings.Split(inventory, "\n---\n") {
		if strings.TrimSpace(doc) == "" || strings.TrimSpace(doc) == "---" {
			continue
		}
		k, err := objectKey([]byte(doc))
		if err != nil {
			return "", fmt.Errorf("inventory: %v", err)
		}
		have[k] = true
	}
	docs := []string{inventory}
	for _, doc := range valid {
		k, err := objectKey([]byte(doc))
		if err != nil {
			return "", err
		}
		if !have[k] {
			have[k] = true
			docs = append(docs, doc)
		}
	}
	names := make([]string, 0, len(gatewaycommon.BuiltinGatewayClasses))
	for name := range gatewaycommon.BuiltinGatewayClasses {
		names = append(names, string(name))
	}
	sort.Strings(names)
	for _, name := range names {
		info, ok := gatewaycommon.ClassInfos[gatewaycommon.BuiltinGatewayClasses[gatewayv1.ObjectName(name)]]
		if !ok {
			continue
		}
		description := info.Description
		gc := gatewayv1.GatewayClass{
			TypeMeta:   metav1.TypeMeta{APIVersion: "gateway.networking.k8s.io/v1", Kind: "GatewayClass"},
			ObjectMeta: metav1.ObjectMeta{Name: name},
			Spec: gatewayv1.GatewayClassSpec{
				ControllerName: gatewayv1.GatewayController(info.Controller),
				Description:    &description,
			},
		}
		k, _ := objectKey(mustJSON(gc))
		if !have[k] {
			docs = append(docs, string(mustJSON(gc)))
		}
	}
	return strings.Join(docs, "\n---\n"), nil
}

func objectKey(doc []byte) (string, error) {
	var o struct {
		APIVersion string            `json:"apiVersion"`
		Kind       string            `json:"kind"`
		Metadata   metav1.ObjectMeta `json:"metadata"`
	}
	if err := yaml.Unmarshal(doc, &o); err != nil {
		return "", err
	}
	group := o.APIVersion
	if i := strings.Index(group, "/"); i >= 0 {
		group = group[:i]
	} else {
		group = ""
	}
	return group + "/" + o.Kind + "/" + o.Metadata.Namespace + "/" + o.Metadata.Name, nil
}

func mustJSON(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return data
}

// writeZtunnelView writes what istiod sends every ztunnel of the cluster: all workload API
// addresses (istio.workload.Address: Workloads and Services) and all istio.security.Authorization
// policies. A ztunnel subscribes to both as wildcard delta xDS; for a wildcard request the
// generators answer with AmbientIndexes.AddressInformation(nil) and AmbientIndexes.Policies(nil)
// (pilot/pkg/xds/workload.go WorkloadGenerator.GenerateDeltas, WorkloadRBACGenerator.GenerateDeltas).
// Written as protojson, sorted by resource name: {"addresses": [...], "authorizations": [...]}.
func writeZtunnelView(indexes model.AmbientIndexes, out string) error {
	addresses, _ := indexes.AddressInformation(nil)
	sort.Slice(addresses, func(i, j int) bool { return addresses[i].ResourceName() < addresses[j].ResourceName() })
	policies := indexes.Policies(nil)
	sort.Slice(policies, func(i, j int) bool { return policies[i].ResourceName() < policies[j].ResourceName() })
	view := struct {
		Addresses      []json.RawMessage `json:"addresses"`
		Authorizations []json.RawMessage `json:"authorizations"`
	}{Addresses: []json.RawMessage{}, Authorizations: []json.RawMessage{}}
	for _, a := range addresses {
		js, err := protoJSON(a.Address)
		if err != nil {
			return err
		}
		view.Addresses = append(view.Addresses, js)
	}
	for _, p := range policies {
		js, err := protoJSON(p.Authorization)
		if err != nil {
			return err
		}
		view.Authorizations = append(view.Authorizations, js)
	}
	data, err := json.MarshalIndent(view, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "ztunnel.json"), append(data, '\n'), 0o644)
}

func protoJSON(m proto.Message) (json.RawMessage, error) {
	js, err := protojson.MarshalOptions{UseProtoNames: false, EmitUnpopulated: false}.Marshal(m)
	if err != nil {
		return nil, err
	}
	return json.RawMessage(js), nil
}
