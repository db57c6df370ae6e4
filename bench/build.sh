# Sourced by the benchmarks: builds airlock and airlock-sandbox into bin/
# from one build, stamped so that airlock uses that airlock-sandbox for its
# children (a build of modified sources is otherwise not matched).
export CGO_ENABLED=0 # the sandbox needs it (README, The sandbox)
mkdir -p bin
stamp="-X github.com/airlockhq/airlock.version=v0.0.0-bench.$(date -u +%Y%m%d%H%M%S).$$"
go build -ldflags "$stamp" -o bin/airlock ./cmd/airlock
go build -ldflags "$stamp" -o bin/airlock-sandbox ./cmd/airlock-sandbox
