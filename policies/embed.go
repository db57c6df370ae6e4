// Package policies holds the policies shipped with airlock. The default
// policy is embedded in the binary and applies when no other is given; the
// others are examples to copy and adapt. README.md documents the format.
package policies

import "embed"

// Default is the source of default.yaml: a safe standard-library subset, no
// tools and modest limits.
//
//go:embed default.yaml
var Default []byte

// FS holds every shipped policy file (*.yaml), so a command can offer them
// by name.
//
//go:embed *.yaml
var FS embed.FS
