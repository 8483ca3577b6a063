package io.credence.engine;

import io.credence.vocabulary.Applicant;
import io.credence.vocabulary.Application;
import io.credence.vocabulary.Bureau;
import io.credence.vocabulary.Decision;
import io.credence.vocabulary.Device;
import io.credence.vocabulary.Features;
import io.credence.vocabulary.ListMatch;
import io.credence.vocabulary.Loan;
import io.credence.vocabulary.Market;
import io.credence.vocabulary.Score;
import io.credence.vocabulary.Velocity;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything a policy may name, in one place: the vocabulary's facts and what they offer, and the
 * few JDK classes and methods that are pure functions of their arguments, read from the bytecode
 * check's table ({@link PolicyBytecode#JDK}) so that what the source check lets an analyst write is
 * always what the bytecode check lets run. Anything not listed is refused by {@link PolicySandbox}. Lookups only ever reflect on the classes listed here, never
 * on a name taken from a policy, so checking a policy loads and initialises no class of its choosing.
 */
final class PolicySandboxAllowList {

    static final String VOCABULARY_PACKAGE = "io.credence.vocabulary";

    /** The facts the engine inserts; the only types a pattern may match. */
    static final List<Class<?>> FACTS = List.of(
            Applicant.class,
            Application.class,
            Bureau.class,
            Decision.class,
            Device.class,
            Features.class,
            ListMatch.class,
            Loan.class,
            Market.class,
            Score.class,
            Velocity.class);

    /** Engine-only methods of the vocabulary, with the reason a rule may not call them. */
    static final Map<String, String> ENGINE_ONLY = Map.of(
            "Decision.enterStage", "the engine moves the decision between stages; rules have no reason to call it");

    /** JDK classes a policy may import; java.lang's are imported anyway. */
    static final Set<String> JDK_IMPORTS = Set.of(
            "java.lang.Math",
            "java.lang.String",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Double",
            "java.lang.Boolean",
            "java.util.List");

    /** Types a consequence may declare a local variable of, besides the vocabulary. */
    static final Map<String, Class<?>> LOCAL_TYPES = mapOf(
            boolean.class,
            int.class,
            long.class,
            double.class,
            float.class,
            short.class,
            byte.class,
            char.class,
            Boolean.class,
            Integer.class,
            Long.class,
            Double.class,
            Float.class,
            Short.class,
            Byte.class,
            Character.class,
            String.class);

    /**
     * Classes a policy may call static methods of or read constants from: those of {@link PolicyBytecode#JDK}
     * with static members an analyst may write (Math, String, Integer, Long, Double, Boolean).
     */
    static final Set<Class<?>> STATIC_CLASSES = PolicyBytecode.JDK.entrySet().stream()
            .filter(e -> !e.getValue().statics().isEmpty())
            .map(Map.Entry::getKey)
            .collect(Collectors.toUnmodifiableSet());

    /** Simple names that denote a class in an expression: the vocabulary and the JDK classes above. */
    static final Map<String, Class<?>> CLASSES_BY_NAME;

    /** Top-level and nested public vocabulary types, e.g. Decision.Reason, by their dotted name. */
    static final Map<String, Class<?>> VOCABULARY_TYPES;

    static {
        Map<String, Class<?>> vocabulary = new LinkedHashMap<>();
        for (Class<?> fact : FACTS) {
            vocabulary.put(fact.getSimpleName(), fact);
            for (Class<?> nested : fact.getDeclaredClasses()) {
                if (Modifier.isPublic(nested.getModifiers())) {
                    vocabulary.put(fact.getSimpleName() + "." + nested.getSimpleName(), nested);
                }
            }
        }
        VOCABULARY_TYPES = Map.copyOf(vocabulary);
        Map<String, Class<?>> classes = new LinkedHashMap<>();
        for (Class<?> fact : FACTS) classes.put(fact.getSimpleName(), fact);
        for (Class<?> jdk : STATIC_CLASSES) classes.put(jdk.getSimpleName(), jdk);
        CLASSES_BY_NAME = Map.copyOf(classes);
    }

    private PolicySandboxAllowList() {}

    static boolean isVocabulary(Class<?> type) {
        return VOCABULARY_TYPES.containsValue(type);
    }

    static Class<?> fact(String simpleOrQualifiedName) {
        String name = simpleOrQualifiedName.startsWith(VOCABULARY_PACKAGE + ".")
                ? simpleOrQualifiedName.substring(VOCABULARY_PACKAGE.length() + 1)
                : simpleOrQualifiedName;
        for (Class<?> fact : FACTS) {
            if (fact.getSimpleName().equals(name)) return fact;
        }
        return null;
    }

    static List<String> factNames() {
        return FACTS.stream().map(Class::getSimpleName).toList();
    }

    static boolean isImportAllowed(String target) {
        if (target.equals(VOCABULARY_PACKAGE + ".*")) return true;
        if (target.startsWith(VOCABULARY_PACKAGE + ".") && fact(target) != null) return true;
        return JDK_IMPORTS.contains(target);
    }

    /** The instance methods of this name a value of this type offers; empty when it offers none. */
    static List<Method> instanceMethods(DrlType type, String name) {
        Class<?> owner = type.boxed();
        if (isVocabulary(owner)) {
            if (ENGINE_ONLY.containsKey(owner.getSimpleName() + "." + name)) return List.of();
            List<Method> declared = new ArrayList<>();
            for (Method m : owner.getDeclaredMethods()) {
                if (m.getName().equals(name)
                        && Modifier.isPublic(m.getModifiers())
                        && !Modifier.isStatic(m.getModifiers())
                        && !m.isSynthetic()
                        && !m.isBridge()) {
                    declared.add(m);
                }
            }
            if (!declared.isEmpty()
                    || !PolicyBytecode.JDK.get(Object.class).instance().contains(name)) return declared;
            return publicMethods(Object.class, name, false);
        }
        // The members the bytecode check allows an analyst to write; a List's are List's, whatever the implementation.
        Class<?> table = List.class.isAssignableFrom(owner) ? List.class : owner;
        PolicyBytecode.JdkMembers members = PolicyBytecode.JDK.get(table);
        return members != null && members.instance().contains(name) ? publicMethods(table, name, false) : List.of();
    }

    static List<Method> staticMethods(Class<?> owner, String name) {
        if (isVocabulary(owner))
            return publicMethods(owner, name, true).stream()
                    .filter(m -> m.getDeclaringClass() == owner)
                    .toList();
        PolicyBytecode.JdkMembers members = PolicyBytecode.JDK.get(owner);
        return members != null && members.statics().contains(name) ? publicMethods(owner, name, true) : List.of();
    }

    /** A public static final constant such as Decision.APPROVE or Math.PI; null if there is none. */
    static Field constant(Class<?> owner, String name) {
        if (!isVocabulary(owner) && !STATIC_CLASSES.contains(owner)) return null;
        try {
            Field field = owner.getField(name);
            int modifiers = field.getModifiers();
            boolean immutableValue = field.getType().isPrimitive() || field.getType() == String.class;
            return Modifier.isStatic(modifiers)
                            && Modifier.isFinal(modifiers)
                            && immutableValue
                            && field.getDeclaringClass() == owner
                    ? field
                    : null;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /** The getter a condition reads for a property, e.g. monthlyIncome, thinFile, or a record's code. */
    static Method property(Class<?> owner, String name) {
        if (!isVocabulary(owner) || name.isEmpty()) return null;
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method m : owner.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers())
                    || Modifier.isStatic(m.getModifiers())
                    || m.getParameterCount() != 0
                    || m.getReturnType() == void.class) continue;
            if (m.getName().equals("get" + capitalised)) return m;
            if (m.getName().equals("is" + capitalised)
                    && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) return m;
        }
        if (owner.isRecord()) {
            for (RecordComponent component : owner.getRecordComponents()) {
                if (component.getName().equals(name)) return component.getAccessor();
            }
        }
        return null;
    }

    static List<Constructor<?>> constructors(Class<?> owner) {
        return isVocabulary(owner) ? Arrays.stream(owner.getConstructors()).toList() : List.of();
    }

    /** The allow-list as an analyst reads it, for messages. */
    static String describeCallable() {
        return "the vocabulary's own methods (see docs/authoring.md), Math, and simple String and number methods";
    }

    private static List<Method> publicMethods(Class<?> owner, String name, boolean isStatic) {
        List<Method> found = new ArrayList<>();
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(name)
                    && Modifier.isStatic(m.getModifiers()) == isStatic
                    && !m.isSynthetic()
                    && !m.isBridge()) {
                found.add(m);
            }
        }
        return found;
    }

    private static Map<String, Class<?>> mapOf(Class<?>... types) {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        for (Class<?> type : types) map.put(type.getSimpleName(), type);
        return Map.copyOf(map);
    }
}
