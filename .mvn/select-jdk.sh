# Sourced by ./mvnw and ./run: makes JAVA_HOME point at a JDK 21 or newer.
# Machines here default to Java 17, which Spring Boot 4 and Vaadin 25 cannot run on,
# so a fresh checkout must find a newer JDK by itself instead of asking people to.

credence_java_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

credence_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(credence_java_major "$JAVA_HOME")
    [ "${major:-0}" -ge 21 ] && return 0
  fi
  best="" best_major=0
  set +f
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(credence_java_major "$candidate")
    if [ "${major:-0}" -gt "$best_major" ]; then best="$candidate" best_major="$major"; fi
  done
  set -f
  if [ "$best_major" -ge 21 ]; then
    JAVA_HOME="$best"
    export JAVA_HOME
  else
    echo "Credence needs a JDK 21 or newer: set JAVA_HOME or install one (e.g. Temurin 25)." >&2
    exit 1
  fi
}

credence_select_jdk
