// Package workspace serves airlock/workspace: a folder a program may read
// and write that outlives the run, so an agent keeps intermediate results
// between programs instead of passing them through its context. It is off
// by default: a run has a workspace only when its caller opens one (airlock
// run --workspace DIR, or one per session in airlock mcp --workspace ROOT),
// and a program may use it only as far as the policy grants workspace.*.
package workspace

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/tools/provider"
)

// Limits on what a workspace holds.
const (
	MaxFile  = 16 << 20  // one file
	MaxTotal = 256 << 20 // every file together
	MaxFiles = 10000
)

const source = `// Package workspace keeps files between runs: write an intermediate result
// in one program and read it in the next, instead of passing it through the
// conversation. Names are relative paths such as "orders/2026-11.json";
// folders are created as needed. The policy decides which names may be read
// and written.
package workspace

// ReadFile returns the content of the file called name.
func ReadFile(name string) (string, error)

// WriteFile creates or replaces the file called name (at most 16 MiB; the
// workspace holds at most 256 MiB).
func WriteFile(name, content string) error

// List returns the names of every file in the workspace, sorted.
func List() ([]string, error)

// Remove deletes the file called name.
func Remove(name string) error
`

// Workspace is one open workspace folder.
type Workspace struct {
	root *os.Root
	dir  string
	mu   sync.Mutex // the labels file, which concurrent runs of a session share
}

// labelsFile holds the labels of the files written with labelled data,
// under a folder no program can name (Clean refuses it): the parent owns
// it, and it outlives the run as the files do.
const (
	reserved   = ".airlock"
	labelsFile = reserved + "/labels.json"
)

// Labels returns the labels the file called name was written with.
func (w *Workspace) Labels(name string) []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.readLabels()[name]
}

// SetLabels records the labels of the data the file called name was
// written with; none forgets them.
func (w *Workspace) SetLabels(name string, labels []string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	all := w.readLabels()
	if len(labels) == 0 {
		if _, ok := all[name]; !ok {
			return nil
		}
		delete(all, name)
	} else {
		all[name] = labels
	}
	b, err := json.Marshal(all)
	if err != nil {
		return err
	}
	if err := w.root.MkdirAll(reserved, 0o700); err != nil {
		return err
	}
	f, err := w.root.OpenFile(labelsFile, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readLabels reads the labels file; a missing or broken one holds none.
func (w *Workspace) readLabels() map[string][]string {
	all := map[string][]string{}
	f, err := w.root.Open(labelsFile)
	if err != nil {
		return all
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFile))
	if err == nil {
		json.Unmarshal(b, &all)
	}
	return all
}

// Open opens the folder dir as a workspace, creating it if needed.
func Open(dir string) (*Workspace, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Workspace{root: root, dir: dir}, nil
}

// Dir returns the workspace's folder.
func (w *Workspace) Dir() string { return w.dir }

// Close releases the folder.
func (w *Workspace) Close() error { return w.root.Close() }

type key struct{}

// With returns a context carrying w, for the tool calls of one run.
func With(ctx context.Context, w *Workspace) context.Context {
	return context.WithValue(ctx, key{}, w)
}

// From returns the workspace of the run whose context is ctx.
func From(ctx context.Context) (*Workspace, bool) { return from(ctx) }

func from(ctx context.Context) (*Workspace, bool) {
	w, ok := ctx.Value(key{}).(*Workspace)
	return w, ok && w != nil
}

// Provider serves airlock/workspace.
type Provider struct{}

// Declaration returns the package's Go declaration.
func Declaration() plan.ToolPackage {
	return plan.ToolPackage{Path: "airlock/workspace", Name: "workspace", Source: source}
}

// Package returns the package's Go declaration.
func (Provider) Package() plan.ToolPackage { return Declaration() }

var params = map[string][]string{
	"ReadFile":  {"name"},
	"WriteFile": {"name", "content"},
	"List":      {},
	"Remove":    {"name"},
}

// Params returns the parameters of fn.
func (Provider) Params(fn string) ([]string, bool) {
	p, ok := params[fn]
	return p, ok
}

// Prepare decodes the arguments; a name becomes a clean relative path.
func (Provider) Prepare(fn string, raw []json.RawMessage) (map[string]any, error) {
	names, ok := params[fn]
	if !ok {
		return nil, fmt.Errorf("workspace has no function %s", fn)
	}
	if len(raw) != len(names) {
		return nil, fmt.Errorf("%s takes %d arguments, got %d", fn, len(names), len(raw))
	}
	args := map[string]any{}
	for i, n := range names {
		var s string
		if err := json.Unmarshal(raw[i], &s); err != nil {
			return nil, fmt.Errorf("argument %s: want a string", n)
		}
		if n == "name" {
			clean, err := Clean(s)
			if err != nil {
				return nil, fmt.Errorf("argument name: %w", err)
			}
			s = clean
		} else if len(s) > MaxFile {
			return nil, fmt.Errorf("argument %s: %d bytes, over the limit of %d", n, len(s), MaxFile)
		}
		args[n] = s
	}
	return args, nil
}

// Clean puts a file name in canonical form: a clean relative path inside
// the workspace.
func Clean(name string) (string, error) {
	switch {
	case name == "":
		return "", errors.New("empty name")
	case strings.ContainsRune(name, 0):
		return "", errors.New("contains a NUL byte")
	case strings.HasPrefix(name, "/"):
		return "", errors.New("absolute names are not allowed; use a relative name such as results/summary.json")
	}
	clean := path.Clean(name)
	if clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
		return "", fmt.Errorf("%q leaves the workspace", name)
	}
	if clean == reserved || strings.HasPrefix(clean, reserved+"/") {
		return "", fmt.Errorf("%q is reserved for airlock", name)
	}
	return clean, nil
}

// Call performs fn in the run's workspace.
func (Provider) Call(ctx context.Context, fn string, args map[string]any) (any, error) {
	w, ok := from(ctx)
	if !ok {
		return nil, errors.New("this run has no workspace (run with --workspace, or use airlock mcp --workspace)")
	}
	name, _ := args["name"].(string)
	switch fn {
	case "ReadFile":
		f, err := w.root.Open(name)
		if err != nil {
			return nil, clean(err)
		}
		defer f.Close()
		b, err := io.ReadAll(io.LimitReader(f, MaxFile+1))
		if err != nil {
			return nil, clean(err)
		}
		if len(b) > MaxFile {
			return nil, fmt.Errorf("%s is larger than %d bytes", name, MaxFile)
		}
		return provider.Direct{Value: string(b), Text: string(b)}, nil
	case "WriteFile":
		content, _ := args["content"].(string)
		files, total, err := w.usage()
		if err != nil {
			return nil, err
		}
		if files >= MaxFiles || total+int64(len(content)) > MaxTotal {
			return nil, fmt.Errorf("the workspace is full (%d files, %d bytes; at most %d files and %d bytes): remove files first", files, total, MaxFiles, MaxTotal)
		}
		if dir := path.Dir(name); dir != "." {
			if err := w.root.MkdirAll(dir, 0o700); err != nil {
				return nil, clean(err)
			}
		}
		f, err := w.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			return nil, clean(err)
		}
		if _, err := io.WriteString(f, content); err != nil {
			f.Close()
			return nil, clean(err)
		}
		return nil, clean(f.Close())
	case "List":
		var names []string
		err := fs.WalkDir(w.root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && p == reserved {
				return fs.SkipDir
			}
			if d.Type().IsRegular() {
				names = append(names, p)
			}
			return nil
		})
		if err != nil {
			return nil, clean(err)
		}
		slices.Sort(names)
		if names == nil {
			names = []string{}
		}
		return names, nil
	case "Remove":
		return nil, clean(w.root.Remove(name))
	}
	return nil, fmt.Errorf("workspace has no function %s", fn)
}

// usage counts the workspace's files and bytes.
func (w *Workspace) usage() (files int, total int64, err error) {
	err = fs.WalkDir(w.root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			files++
			total += info.Size()
		}
		return nil
	})
	return files, total, clean(err)
}

// clean words a file error without the host's path.
func clean(err error) error {
	if err == nil {
		return nil
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("%s does not exist", pe.Path)
		case errors.Is(err, fs.ErrPermission):
			return fmt.Errorf("%s: permission denied", pe.Path)
		}
		return fmt.Errorf("%s: %v", pe.Path, pe.Err)
	}
	return err
}

// Kind is the workspace provider, to the registry. It takes no settings:
// the workspace is opened by the caller and travels with each run.
var Kind = provider.Kind{
	Name:    "workspace",
	Declare: provider.Static(Declaration),
	New: func(cfg map[string]any, _ string) (provider.Provider, error) {
		if len(cfg) > 0 {
			return nil, errors.New("providers.workspace: takes no settings; the workspace is opened by the caller (airlock run --workspace, airlock mcp --workspace)")
		}
		return Provider{}, nil
	},
}
