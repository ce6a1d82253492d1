#!/usr/bin/env bash
# The assess step of this checkout next to that of another commit, measured side by side on this machine:
# both trees run the same JMH class (AssessAcrossCommits: the assess step and two references that no commit of
# ours changes), alternating, and the script prints each run's posts/s and its ratio to the references.
#
#   bench/assess-vs-commit.sh [COMMIT] [PAIRS]     default: cce9d6a (where the model card's speed was measured), 2
#   JMH_ARGS="-f 1 -wi 4 -w 10 -i 3 -r 5" bench/assess-vs-commit.sh    on a busy machine, warm up longer
#
# Builds the other commit from `git archive` under target/, so nothing outside this checkout is touched.
set -euo pipefail
commit=${1:-cce9d6a}
pairs=${2:-2}
root=$(git rev-parse --show-toplevel)
other="$root/target/assess-at-$commit"
read -r -a jmh <<< "${JMH_ARGS:--f 1 -wi 2 -w 10 -i 3 -r 5}"

rm -rf "$other" && mkdir -p "$other"
git -C "$root" archive "$commit" | tar -x -C "$other"
cp "$root/src/test/java/org/lurewatch/bench/AssessAcrossCommits.java" "$other/src/test/java/org/lurewatch/bench/"

run() { # tree label
  (cd "$1" && ./mvnw -B -ntp -q -Pbench verify -Dbench.args="AssessAcrossCommits ${jmh[*]}" 2>&1) \
    | awk -v label="$2" '/^AssessAcrossCommits\./ { split($1, n, "."); score[n[2]] = ($5 == "±") ? $4 : $(NF-1) }
        END { gsub(",", "", score["assess"]); gsub(",", "", score["referenceJson"]); gsub(",", "", score["referenceCategorizer"]);
              printf "%-16s assess %8.0f posts/s  json %9.0f/s  categorizer %9.0f/s  assess/json %.4f  assess/categorizer %.4f\n",
                label, score["assess"], score["referenceJson"], score["referenceCategorizer"],
                score["assess"] / score["referenceJson"], score["assess"] / score["referenceCategorizer"] }'
}

for i in $(seq 1 "$pairs"); do
  run "$root" "this checkout"
  run "$other" "$commit"
done
