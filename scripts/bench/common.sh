# Shared by the analyze benchmarks (sourced): the release binary and /usr/bin/time's figures.
# Expects $repo (the checkout) to be set; sets $horizon.

[ -x /usr/bin/time ] || { echo "installing GNU time for /usr/bin/time -v" >&2; apt-get install -y time >&2; }

horizon="${HORIZON_BIN:-$repo/.build-release/release/horizon}"
if [ ! -x "$horizon" ]; then
    echo "building the release horizon in $repo/.build-release (takes minutes the first time)" >&2
    (cd "$repo" && swift build -c release --product horizon --scratch-path .build-release >&2)
fi

# Prints "wall_seconds cpu_seconds peak_rss_kib" from a `/usr/bin/time -v` log.
time_fields() {
    awk -F': ' '
        /Elapsed \(wall clock\)/ {
            n = split($2, part, ":"); wall = 0
            for (i = 1; i <= n; i++) wall = wall * 60 + part[i]
        }
        /User time \(seconds\)/ { cpu += $2 }
        /System time \(seconds\)/ { cpu += $2 }
        /Maximum resident set size/ { rss = $2 }
        END { printf "%.2f %.2f %d\n", wall, cpu, rss }' "$1"
}
