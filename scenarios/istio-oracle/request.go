package main

import "encoding/json"

// Request describes one cluster as its istiod would see it.
type Request struct {
	// Cluster is the cluster ID (global.multiCluster.clusterName).
	Cluster string `json:"cluster"`
	// MeshConfig is istiod's meshConfig as YAML (the Helm values' meshConfig section).
	MeshConfig string `json:"meshConfig"`
	// ConfigFiles are the rendered object files; Istio and Gateway API kinds become config,
	// everything is shown to the analyzers.
	ConfigFiles []string `json:"configFiles"`
	// InventoryFile holds the Kubernetes objects of the running cluster: Namespaces, Nodes,
	// Services, Pods and EndpointSlices, as kubelet and the controllers would have written them.
	InventoryFile string `json:"inventoryFile"`
	// Proxies are the proxies to generate Envoy configuration for.
	Proxies []ProxyRequest `json:"proxies"`
	// IstiodValues are istiod's Helm values as rendered. When given, istiod's environment and mesh
	// config are the ones the chart derives from them (profile, `pilot` descoping; see values.go),
	// and MeshConfig is ignored.
	IstiodValues map[string]any `json:"istiodValues,omitempty"`
	// Ambient asks for ztunnel's view of the cluster (ztunnel.json): the workload API resources
	// istiod sends every ztunnel. istiod's environment must enable ambient (PILOT_ENABLE_AMBIENT).
	Ambient bool `json:"ambient,omitempty"`
}

// ProxyRequest is one proxy connecting to this istiod.
type ProxyRequest struct {
	// Name names the dump files (<name>.pb, <name>.json).
	Name string `json:"name"`
	// Type is sidecar, router or waypoint.
	Type      string `json:"type"`
	IP        string `json:"ip"`
	PodName   string `json:"podName"`
	Namespace string `json:"namespace"`
	// Locality is region/zone/subzone.
	Locality string `json:"locality"`
	// Metadata is the node metadata as pilot-agent sends it (ISTIO_VERSION, LABELS, NAMESPACE,
	// CLUSTER_ID, NETWORK, SERVICE_ACCOUNT, INSTANCE_IPS, REQUESTED_NETWORK_VIEW, ...).
	Metadata json.RawMessage `json:"metadata"`
}

// Report is what Istio's own checks say about the cluster's objects.
type Report struct {
	Cluster    string           `json:"cluster"`
	Validation []Issue          `json:"validation"`
	Analysis   []map[string]any `json:"analysis"`
}

// Issue is one validation error or warning of one object.
type Issue struct {
	File      string `json:"file"`
	Kind      string `json:"kind"`
	Namespace string `json:"namespace"`
	Name      string `json:"name"`
	Level     string `json:"level"`
	Message   string `json:"message"`
}
