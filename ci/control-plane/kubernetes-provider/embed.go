//go:build ignore

// Writes schema-embed.json (the module's schema.json with the release version set) and
// terraform-mapping-embed.json (compacted) beside main.go. Usage: go run embed.go <module dir> <version>.
package main

import (
	"encoding/json"
	"log"
	"os"
	"path/filepath"
)

func main() {
	if len(os.Args) != 3 {
		log.Fatal("usage: go run embed.go <provider module dir> <version>")
	}
	dir := filepath.Join(os.Args[1], "cmd", "pulumi-resource-kubernetes")
	var schema map[string]any
	read(filepath.Join(dir, "schema.json"), &schema)
	schema["version"] = os.Args[2]
	write("schema-embed.json", schema)
	var mapping any
	read(filepath.Join(dir, "terraform-mapping.json"), &mapping)
	write("terraform-mapping-embed.json", mapping)
}

func read(path string, into any) {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(data, into); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
}

func write(path string, value any) {
	data, err := json.Marshal(value)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		log.Fatal(err)
	}
}
