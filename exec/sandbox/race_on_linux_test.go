//go:build race

package sandbox

// raceEnabled is set in -race builds, whose address-space reservations
// RLIMIT_AS cannot accommodate.
const raceEnabled = true
