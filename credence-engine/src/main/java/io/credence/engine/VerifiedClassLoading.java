package io.credence.engine;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.drools.wiring.api.ComponentsFactory;
import org.drools.wiring.api.ComponentsSupplier;
import org.drools.wiring.api.ResourceProvider;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.drools.wiring.api.util.ByteArrayClassLoader;
import org.drools.wiring.dynamic.DynamicComponentsSupplier;
import org.drools.wiring.dynamic.DynamicProjectClassLoader;
import org.drools.wiring.dynamic.PackageClassLoader;

/**
 * Puts {@link PolicyBytecode} in front of every place Drools defines a class it generated: the
 * package class loader that defines rule consequences and eval/constraint invokers from the
 * dialect's store, the project class loader that defines declared types, and the byte-array class
 * loader its constraint JIT uses. Drools asks {@link ComponentsFactory} for all three, so installing
 * this supplier there covers every compile in the JVM: validation, drafts, the test bench, warm-up,
 * backtests and deploys alike. A class with a problem is never defined; the problems are recorded on
 * the {@link Compilation} the build runs under, so the compiler can refuse the package with them,
 * and the build itself fails with {@link Refused}.
 */
final class VerifiedClassLoading implements ComponentsSupplier {

    private static final DynamicComponentsSupplier DROOLS = new DynamicComponentsSupplier();
    /** Class files already checked and found clean, by identity (byte[] has no value equality). */
    private static final Map<byte[], Boolean> CLEAN = Collections.synchronizedMap(new WeakHashMap<>());

    private static final VerifiedClassLoading INSTANCE = new VerifiedClassLoading();

    static {
        ComponentsFactory.setComponentsSupplier(INSTANCE);
    }

    private VerifiedClassLoading() {}

    /** Makes sure the supplier is installed; idempotent, and cheap after the first call. */
    static void install() {
        ComponentsFactory.setComponentsSupplier(INSTANCE);
    }

    /**
     * The parent class loader a policy's build runs under; collects the problems of the classes the
     * build tried to define. One per compile.
     */
    static final class Compilation extends ClassLoader {
        private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());

        Compilation(ClassLoader parent) {
            super(parent);
        }

        List<Problem> problems() {
            synchronized (problems) {
                return List.copyOf(problems);
            }
        }
    }

    /** A class the sandbox refused: its name and what is wrong with it. */
    record Problem(String className, List<String> problems) {}

    /** Thrown in place of defining a refused class; the build that tried fails with it. */
    static final class Refused extends SecurityException {
        Refused(String className, List<String> problems) {
            super("the policy sandbox refused the generated class " + className + ": " + String.join("; ", problems));
        }
    }

    /** Checks a class file before it is defined; throws {@link Refused} and records why on the compilation. */
    static void verify(byte[] bytes, ClassLoader loader) {
        Compilation compilation = null;
        for (ClassLoader l = loader; l != null && compilation == null; l = l.getParent()) {
            if (l instanceof Compilation c) compilation = c;
        }
        Problem problem = check(bytes, compilation);
        if (problem != null) throw new Refused(problem.className(), problem.problems());
    }

    /**
     * Checks a class file Drools has generated but not defined yet (it defines most of a rule's code
     * only when the rule first runs); records what is wrong on the compilation, if any.
     */
    static Problem check(byte[] bytes, Compilation compilation) {
        if (bytes == null || CLEAN.containsKey(bytes)) return null;
        List<String> problems = PolicyBytecode.problems(bytes);
        if (problems.isEmpty()) {
            CLEAN.put(bytes, Boolean.TRUE);
            return null;
        }
        Problem problem = new Problem(PolicyBytecode.className(bytes), problems);
        if (compilation != null && !compilation.problems.contains(problem)) compilation.problems.add(problem);
        return problem;
    }

    @Override
    public ProjectClassLoader createProjectClassLoader(ClassLoader parent, ResourceProvider resourceProvider) {
        return new CheckedProjectClassLoader(parent, resourceProvider);
    }

    @Override
    public ByteArrayClassLoader createByteArrayClassLoader(ClassLoader parent) {
        ByteArrayClassLoader drools = DROOLS.createByteArrayClassLoader(parent);
        return (name, bytes, domain) -> {
            verify(bytes, parent);
            return drools.defineClass(name, bytes, domain);
        };
    }

    @Override
    public ClassLoader createPackageClassLoader(Map<String, byte[]> store, ClassLoader rootClassLoader) {
        return new CheckedPackageClassLoader(store, rootClassLoader);
    }

    @Override
    public Object createConsequenceExceptionHandler(String className, ClassLoader classLoader) {
        return DROOLS.createConsequenceExceptionHandler(className, classLoader);
    }

    /** Defines declared types (and anything else Drools defines in the project) only once checked. */
    private static final class CheckedProjectClassLoader extends DynamicProjectClassLoader {

        CheckedProjectClassLoader(ClassLoader parent, ResourceProvider resourceProvider) {
            super(parent, resourceProvider);
        }

        @Override
        public InternalTypesClassLoader makeClassLoader() {
            InternalTypesClassLoader drools = super.makeClassLoader();
            ClassLoader self = this;
            return new InternalTypesClassLoader() {
                @Override
                public Class<?> defineClass(String name, byte[] bytes) {
                    verify(bytes, self);
                    return drools.defineClass(name, bytes);
                }

                @Override
                public Class<?> loadType(String name, boolean resolve) throws ClassNotFoundException {
                    return drools.loadType(name, resolve);
                }

                @Override
                public Class<?> findLoadedClassWithoutParent(String name) {
                    return drools.findLoadedClassWithoutParent(name);
                }
            };
        }
    }

    /** Defines a package's rule classes from the dialect's store, each only once checked. */
    private static final class CheckedPackageClassLoader extends PackageClassLoader {

        CheckedPackageClassLoader(Map<String, byte[]> store, ClassLoader parent) {
            super(new CheckedStore(store, parent), parent);
        }

        @Override
        public Class<?> writeClass(String name, byte[] bytes) {
            verify(bytes, getParent());
            return super.writeClass(name, bytes);
        }
    }

    /**
     * The dialect's store as the package class loader reads it: every class file it hands out has
     * been checked. Writes go to the dialect's own map, which Drools keeps using.
     */
    private static final class CheckedStore extends AbstractMap<String, byte[]> {
        private final Map<String, byte[]> store;
        private final ClassLoader loader;

        CheckedStore(Map<String, byte[]> store, ClassLoader loader) {
            this.store = store;
            this.loader = loader;
        }

        @Override
        public byte[] get(Object key) {
            byte[] bytes = store.get(key);
            if (bytes != null && key instanceof String name && name.endsWith(".class")) verify(bytes, loader);
            return bytes;
        }

        @Override
        public boolean containsKey(Object key) {
            return store.containsKey(key);
        }

        @Override
        public byte[] put(String key, byte[] value) {
            return store.put(key, value);
        }

        @Override
        public byte[] remove(Object key) {
            return store.remove(key);
        }

        @Override
        public int size() {
            return store.size();
        }

        @Override
        public Set<Entry<String, byte[]>> entrySet() {
            return Collections.unmodifiableMap(store).entrySet();
        }
    }
}
