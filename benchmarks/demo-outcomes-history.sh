#!/bin/sh
# A year of demo loan history, then the workbench on it: one command for a Performance screen with
# vintage curves and an experiment with bad rates per arm.
#
#   benchmarks/demo-outcomes-history.sh [data-dir, ./demo-data] [months, 18] [applications, 3000]
#
# Seeds a NEW data directory (it refuses one with anything in it, so demo loans never reach an existing
# database) with io.credence.outcome.DemoOutcomeHistory (policy-engine test code): the API in the demo
# profile with a clock walked through the past months (18 by default), the decisions of each month made through
# POST /api/v1/decisions and the servicing system's month-end observations of every loan sent through
# POST /api/v1/outcomes, each valid on the day it is sent (the class's comment says how loans behave).
# Then starts ./credence on that directory in the demo profile. Run again with the same directory, it
# only starts the workbench. Extra Maven options (offline, local repository) go in MAVEN_ARGS.
set -eu
cd "$(dirname "$0")/.."
dir=$(realpath -m "${1:-./demo-data}")
months=${2:-18}
applications=${3:-3000}
export CREDENCE_DEMO_PASSWORD="${CREDENCE_DEMO_PASSWORD:-demo-outcomes-password}"
export CREDENCE_API_KEY="${CREDENCE_API_KEY:-demo-outcomes-loan-system-key-0123456789}"
if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
  echo "$dir has data already: starting the workbench on it without seeding"
else
  ./mvnw -B -q -pl credence-engine -am -DskipTests install
  ./mvnw -B -q -pl policy-engine test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec \
      '-Dexec.executable=${java.home}/bin/java' -Dexec.classpathScope=test \
      "-Dexec.args=-cp %classpath io.credence.outcome.DemoOutcomeHistory $dir $months $applications"
fi
CREDENCE_DATA_DIR="$dir" exec ./credence
