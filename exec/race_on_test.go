//go:build race

package exec_test

// raceBuild is set in -race builds. A race-built child takes about a
// second to exit (the detector's wait at exit), which the run's timeout
// counts.
const raceBuild = true
