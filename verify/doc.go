// Package verify holds airlock's policy language and judges programs by it.
//
// A policy is a YAML file whose rules are expr expressions
// (github.com/expr-lang/expr); policies/README.md documents the format.
// Load compiles a policy once. Check judges a plan (see package plan) before
// the program runs: each tool use is allowed, denied, or deferred when its
// rule reads an argument that is only known at run time. A Checker then
// re-checks every real tool call with the very same compiled rules.
//
// A policy that does not load is an *Error listing every problem with its
// line, column and a caret snippet; it is never treated as allowing
// anything. Only Check makes a Verdict, so a program can only run when
// verify approved it.
package verify
