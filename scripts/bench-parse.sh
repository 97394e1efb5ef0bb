#!/usr/bin/env bash
# bench-parse.sh BIN [RUNS]: times `BIN parse` (JSON to /dev/null) over the
# corpus's submissions + feed files and over the whole corpus mix, RUNS
# times each (default 3), and prints per run and as medians: wall MB/s,
# MB per CPU-second (user + system) and peak RSS. The load average is
# printed too: on a shared machine wall-clock figures drop with it.
set -euo pipefail
bin=$1
runs=${2:-3}
corpus=${CORPUS:-../shared/corpus}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
for set in "submissions feed" "submissions feed headers primary exhibits"; do
  dirs=()
  for d in $set; do dirs+=("$corpus/$d"); done
  bytes=$(find "${dirs[@]}" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  files=$(find "${dirs[@]}" -type f | wc -l)
  walls=() cpus=() rsss=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$tmp" -f '%e %U %S %M' "$bin" parse "${dirs[@]}" >/dev/null
    read -r e u s m <"$tmp"
    walls+=("$(awk -v b="$bytes" -v e="$e" 'BEGIN {printf "%.1f", b/1e6/e}')")
    cpus+=("$(awk -v b="$bytes" -v u="$u" -v s="$s" 'BEGIN {printf "%.1f", b/1e6/(u+s)}')")
    rsss+=("$((m / 1024))")
    echo "  $set: ${e}s wall, ${u}+${s}s CPU: ${walls[-1]} MB/s, ${cpus[-1]} MB/cpu-s, peak RSS ${rsss[-1]} MB (load $(cut -d' ' -f1 /proc/loadavg))"
  done
  printf '%s (%d files, %.1f MB): median %s MB/s (range %s-%s), %s MB/cpu-s, peak RSS %s MB\n' \
    "$set" "$files" "$(awk -v b="$bytes" 'BEGIN {print b/1e6}')" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${walls[@]}" | sort -n | head -1)" \
    "$(printf '%s\n' "${walls[@]}" | sort -n | tail -1)" "$(printf '%s\n' "${cpus[@]}" | median)" \
    "$(printf '%s\n' "${rsss[@]}" | median)"
done
