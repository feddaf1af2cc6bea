package main

import (
	"fmt"
	"os"
)

// failed is panicked by the failer so that a fatal error inside Istio's test harness ends the
// generation with its message instead of exiting the process.
type failed struct{}

// failer satisfies istio.io/istio/pkg/test.Failer outside `go test`, as Istio's own fuzzers do.
type failer struct {
	messages []string
	cleanups []func()
	tempDir  string
}

func newFailer() *failer { return &failer{} }

func (f *failer) Fail()                           { f.messages = append(f.messages, "failed"); panic(failed{}) }
func (f *failer) FailNow()                        { f.Fail() }
func (f *failer) Helper()                         {}
func (f *failer) Log(args ...any)                 {}
func (f *failer) Logf(format string, args ...any) {}
func (f *failer) Fatal(args ...any) {
	f.messages = append(f.messages, fmt.Sprint(args...))
	panic(failed{})
}

func (f *failer) Fatalf(format string, args ...any) {
	f.messages = append(f.messages, fmt.Sprintf(format, args...))
	panic(failed{})
}

func (f *failer) Skip(args ...any) {
	f.messages = append(f.messages, "skipped: "+fmt.Sprint(args...))
	panic(failed{})
}

func (f *failer) Cleanup(fn func()) { f.cleanups = append(f.cleanups, fn) }

func (f *failer) TempDir() string {
	if f.tempDir == "" {
		dir, err := os.MkdirTemp("", "istio-oracle-")
		if err != nil {
			f.Fatal(err)
		}
		f.tempDir = dir
	}
	return f.tempDir
}

func (f *failer) cleanup() {
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
	if f.tempDir != "" {
		_ = os.RemoveAll(f.tempDir)
	}
}
