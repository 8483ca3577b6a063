#!/bin/sh
# Rebuilds GB's risk model (pmml-models/GB/scorecard.pmml) and the benchmark's 100-tree GBM
# (policy-engine/src/test/resources/io/credence/benchmark/gbm-100-trees.pmml) from the German credit
# data. Needs Debian's python3-sklearn (apt-get install -y python3-sklearn), a JDK and the repository's
# Maven wrapper, which fetches org.jpmml:pmml-sklearn from Maven Central. See README.md.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
CONVERTER_VERSION=1.7.41

/usr/bin/python3 "$HERE/train.py" "$ROOT/policy-engine/src/main/resources/demo/german-credit-GB.csv" "$WORK"

cat > "$WORK/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>io.credence.train</groupId><artifactId>converter</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.jpmml</groupId><artifactId>pmml-sklearn</artifactId>
    <version>$CONVERTER_VERSION</version></dependency></dependencies>
</project>
POM
"$ROOT/mvnw" -q -B ${MAVEN_REPO:+-Dmaven.repo.local=$MAVEN_REPO} -f "$WORK/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$WORK/classpath.txt"
CP=$(cat "$WORK/classpath.txt")

java -cp "$CP" "$HERE/Convert.java" "$WORK/logistic.pkl" "$WORK/features.tsv" "$ROOT/pmml-models/GB/scorecard.pmml" \
    "GB personal credit risk model: logistic regression on the German credit data (pmml-models/GB/train); P(class = bad)"
java -cp "$CP" "$HERE/Convert.java" "$WORK/gbm.pkl" "$WORK/features.tsv" \
    "$ROOT/policy-engine/src/test/resources/io/credence/benchmark/gbm-100-trees.pmml" \
    "Benchmark only: 100-tree gradient-boosted classifier on the German credit data (pmml-models/GB/train); P(class = bad)"
echo "wrote pmml-models/GB/scorecard.pmml and the benchmark's gbm-100-trees.pmml"
