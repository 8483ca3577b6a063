package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the compiler refuses, for tests that expect it to: the errors of a package that must not compile. */
final class CompileErrors {

    private CompileErrors() {}

    /** The IN seed with some artifacts replaced: whatever fails is what was replaced. */
    static List<ArtifactError> ofIndiaWith(Map<String, String> replacements) {
        Map<String, String> artifacts =
                new TreeMap<>(SeedPackagesOnDisk.load("IN").artifacts());
        artifacts.putAll(replacements);
        return of(PolicyPackage.of("IN", artifacts));
    }

    static List<ArtifactError> of(PolicyPackage policy) {
        PolicyCompilationException failure = catchThrowableOfType(
                PolicyCompilationException.class,
                () -> PolicyCompiler.compile(policy, 1).close());
        assertThat(failure).as("compiling should have failed").isNotNull();
        return failure.errors();
    }
}
