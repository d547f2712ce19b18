#!/bin/sh
# Wall time of the nuclei-count batch as a user runs it, process start-up included: `cellgraph run`
# (default --jobs = cores; --jobs 1; and with --timeout, which puts every image in a worker thread)
# versus the same steps in scikit-image (one process, scripts/bench/skimage_nuclei.py). The batch is
# the 6 images of the CLI tests (5 real + synthetic), copied REPEAT times into a temporary folder.
# Prints the median of N runs of each, in seconds, the runs of the four commands interleaved so that
# a change in the machine's load falls on all of them; the load average is printed before and after.
#
#     sh scripts/bench/wall-time.sh [N] [REPEAT]
set -e
cd "$(dirname "$0")/../.."
N=${1:-7}
REPEAT=${2:-1}
TMP=$(mktemp -d)
mkdir "$TMP/in"
r=0
while [ $r -lt "$REPEAT" ]; do
  for f in test-data/images/dsb2018_256_uint8.tif test-data/images/dsb2018_512_uint16.tif test-data/images/blobs.tif \
    test-data/images/xy_8bit__mitocheck_incenp_t1.tif test-data/images/xy_16bit_calibrated__nuclei_various_shapes.tif \
    test-data/synthetic/synthetic_nuclei.tif; do cp "$f" "$TMP/in/${r}_$(basename "$f")"; done
  r=$((r + 1))
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
elapsed() { s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
run() { node bin/cellgraph.mjs run pipelines/nuclei-count.json "$TMP/in" --out "$TMP/o" --no-cache "$@"; }
echo "$(ls "$TMP/in" | wc -l) images, median of $N runs, seconds; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
i=0
while [ $i -lt "$N" ]; do
  elapsed run >>"$TMP/t.default"
  elapsed run --jobs 1 >>"$TMP/t.jobs1"
  elapsed run --timeout 3600 >>"$TMP/t.workers"
  elapsed /usr/bin/python3 scripts/bench/skimage_nuclei.py --batch-once "$TMP/in" >>"$TMP/t.skimage"
  i=$((i + 1))
done
echo "cellgraph run, --jobs = $(nproc) cores:    $(median <"$TMP/t.default")"
echo "cellgraph run --jobs 1:                $(median <"$TMP/t.jobs1")"
echo "cellgraph run --timeout (workers only): $(median <"$TMP/t.workers")"
echo "scikit-image, one process:             $(median <"$TMP/t.skimage")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$TMP"
