package io.credence.engine;

import java.util.ArrayList;
import java.util.List;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;

/** For benchmarks outside this package: the class files a package's build generates, and the bytecode check on them. */
public final class BytecodeCheckProbe {

    private BytecodeCheckProbe() {}

    /** Every class file the build of this package generated, as PolicyCompiler checks them. */
    public static List<byte[]> generatedClasses(PolicyPackage policy) {
        List<ArtifactError> errors = new ArrayList<>();
        KieContainer container = PolicyCompiler.buildRules(policy, errors);
        if (container == null) throw new PolicyCompilationException(errors);
        List<byte[]> classes = new ArrayList<>();
        for (String stage : PolicyCompiler.STAGES) {
            for (KiePackage kiePackage : container.getKieBase(stage).getKiePackages()) {
                var data = ((InternalKnowledgePackage) kiePackage)
                        .getDialectRuntimeRegistry()
                        .getDialectData("java");
                if (data instanceof JavaDialectRuntimeData java)
                    classes.addAll(java.getStore().values());
            }
        }
        if (container.getClassLoader() instanceof ProjectClassLoader project && project.getStore() != null) {
            classes.addAll(project.getStore().values());
        }
        container.dispose();
        return classes;
    }

    /** Runs the bytecode check on each class file (no cache); the number of problems found. */
    public static int check(List<byte[]> classes) {
        int problems = 0;
        for (byte[] bytes : classes) problems += PolicyBytecode.problems(bytes).size();
        return problems;
    }
}
