package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	admin "github.com/envoyproxy/go-control-plane/envoy/admin/v3"
	core "github.com/envoyproxy/go-control-plane/envoy/config/core/v3"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"

	meshconfig "istio.io/api/mesh/v1alpha1"
	"istio.io/istio/pilot/pkg/features"
	"istio.io/istio/pilot/pkg/model"
	"istio.io/istio/pilot/test/xds"
	"istio.io/istio/pkg/cluster"
	"istio.io/istio/pkg/config"
)

// generate starts one FakeDiscoveryServer (one istiod) for the cluster and writes the config
// dump of every requested proxy.
func generate(req *Request, m *meshconfig.MeshConfig, configs []config.Config, inventory string, out string) (err error) {
	f := newFailer()
	defer f.cleanup()
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(failed); !ok {
				panic(r)
			}
			err = fmt.Errorf("the fake istiod failed: %s", strings.Join(f.messages, "; "))
		}
	}()
	server := xds.NewFakeDiscoveryServer(f, xds.FakeOptions{
		DefaultClusterName:     cluster.ID(req.Cluster),
		Configs:                configs,
		KubernetesObjectString: inventory,
		MeshConfig:             m,
	})
	if req.Ambient {
		if !features.EnableAmbient {
			return fmt.Errorf("ztunnel's view was asked for, but istiod's environment does not enable ambient (PILOT_ENABLE_AMBIENT)")
		}
		if err := writeZtunnelView(server.Discovery.Env.AmbientIndexes, out); err != nil {
			return err
		}
	}
	for _, pr := range req.Proxies {
		proxy, err := newProxy(pr)
		if err != nil {
			return fmt.Errorf("proxy %s: %v", pr.Name, err)
		}
		proxy = server.SetupProxy(proxy)
		dump, err := configDump(server, proxy)
		if err != nil {
			return fmt.Errorf("proxy %s: %v", pr.Name, err)
		}
		if err := writeDump(filepath.Join(out, pr.Name), dump); err != nil {
			return err
		}
	}
	return nil
}

func newProxy(pr ProxyRequest) (*model.Proxy, error) {
	meta := &model.NodeMetadata{}
	if len(pr.Metadata) > 0 {
		if err := json.Unmarshal(pr.Metadata, meta); err != nil {
			return nil, fmt.Errorf("metadata: %v", err)
		}
	}
	p := &model.Proxy{
		Type:            model.NodeType(pr.Type),
		IPAddresses:     []string{pr.IP},
		ID:              pr.PodName + "." + pr.Namespace,
		ConfigNamespace: pr.Namespace,
		DNSDomain:       pr.Namespace + ".svc.cluster.local",
		Metadata:        meta,
		Labels:          meta.Labels,
		Locality:        locality(pr.Locality),
	}
	if meta.IstioVersion != "" {
		p.IstioVersion = model.ParseIstioVersion(meta.IstioVersion)
	}
	return p, nil
}

func locality(s string) *core.Locality {
	parts := strings.SplitN(s, "/", 3)
	l := &core.Locality{}
	if len(parts) > 0 {
		l.Region = parts[0]
	}
	if len(parts) > 1 {
		l.Zone = parts[1]
	}
	if len(parts) > 2 {
		l.SubZone = parts[2]
	}
	return l
}

// configDump assembles what Envoy's /config_dump would show after istiod's pushes: LDS, CDS,
// RDS and EDS as generated for this proxy.
func configDump(s *xds.FakeDiscoveryServer, p *model.Proxy) (*admin.ConfigDump, error) {
	listeners := s.Listeners(p)
	ld := &admin.ListenersConfigDump{}
	for _, l := range listeners {
		a, err := anypb.New(l)
		if err != nil {
			return nil, err
		}
		ld.DynamicListeners = append(ld.DynamicListeners, &admin.ListenersConfigDump_DynamicListener{
			Name: l.Name, ActiveState: &admin.ListenersConfigDump_DynamicListenerState{Listener: a},
		})
	}
	cd := &admin.ClustersConfigDump{}
	for _, c := range s.Clusters(p) {
		a, err := anypb.New(c)
		if err != nil {
			return nil, err
		}
		cd.DynamicActiveClusters = append(cd.DynamicActiveClusters, &admin.ClustersConfigDump_DynamicCluster{Cluster: a})
	}
	rd := &admin.RoutesConfigDump{}
	for _, r := range s.RoutesFromListeners(p, listeners) {
		a, err := anypb.New(r)
		if err != nil {
			return nil, err
		}
		rd.DynamicRouteConfigs = append(rd.DynamicRouteConfigs, &admin.RoutesConfigDump_DynamicRouteConfig{RouteConfig: a})
	}
	ed := &admin.EndpointsConfigDump{}
	for _, e := range s.Endpoints(p) {
		a, err := anypb.New(e)
		if err != nil {
			return nil, err
		}
		ed.DynamicEndpointConfigs = append(ed.DynamicEndpointConfigs, &admin.EndpointsConfigDump_DynamicEndpointConfig{EndpointConfig: a})
	}
	dump := &admin.ConfigDump{}
	for _, part := range []proto.Message{ld, cd, rd, ed} {
		a, err := anypb.New(part)
		if err != nil {
			return nil, err
		}
		dump.Configs = append(dump.Configs, a)
	}
	return dump, nil
}

func writeDump(base string, dump *admin.ConfigDump) error {
	bin, err := proto.MarshalOptions{Deterministic: true}.Marshal(dump)
	if err != nil {
		return err
	}
	if err := os.WriteFile(base+".pb", bin, 0o644); err != nil {
		return err
	}
	js, err := protojson.Marshal(dump)
	if err != nil {
		return err
	}
	// protojson varies its whitespace on purpose; re-indent for stable, readable files.
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, js, "", "  "); err != nil {
		return err
	}
	pretty.WriteByte('\n')
	return os.WriteFile(base+".json", pretty.Bytes(), 0o644)
}
