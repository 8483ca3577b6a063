package io.credence.engine;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * The static type the policy sandbox infers for a value in a rule: a class, and for a list the class
 * of its elements. Precision only matters for reference types, because the type decides which
 * methods of the allow-list a value offers; numbers are kept roughly right, and Drools' own compiler
 * reports real type errors afterwards.
 */
record DrlType(Class<?> raw, Class<?> element) {

    /** The literal {@code null}. */
    static final DrlType NULL = new DrlType(Void.class, null);

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            int.class,
            Integer.class,
            long.class,
            Long.class,
            double.class,
            Double.class,
            float.class,
            Float.class,
            short.class,
            Short.class,
            byte.class,
            Byte.class,
            char.class,
            Character.class,
            boolean.class,
            Boolean.class);
    private static final List<Class<?>> NUMERIC_RANK =
            List.of(byte.class, short.class, char.class, int.class, long.class, float.class, double.class);

    static DrlType of(Class<?> raw) {
        return new DrlType(raw, null);
    }

    static DrlType of(Type generic) {
        if (generic instanceof Class<?> c) return of(c);
        if (generic instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            Class<?> element =
                    List.class.isAssignableFrom(raw) && args.length == 1 && args[0] instanceof Class<?> e ? e : null;
            return new DrlType(raw, element);
        }
        return of(Object.class);
    }

    boolean isNull() {
        return this == NULL;
    }

    /** The wrapper for a primitive, the class itself otherwise. */
    Class<?> boxed() {
        return BOXES.getOrDefault(raw, raw);
    }

    /** The primitive for a wrapper or primitive, null for other classes. */
    Class<?> unboxed() {
        if (raw.isPrimitive()) return raw;
        for (Map.Entry<Class<?>, Class<?>> box : BOXES.entrySet()) {
            if (box.getValue() == raw) return box.getKey();
        }
        return null;
    }

    boolean isNumeric() {
        Class<?> p = unboxed();
        return p != null && p != boolean.class;
    }

    boolean isBoolean() {
        return unboxed() == boolean.class;
    }

    boolean isString() {
        return raw == String.class;
    }

    /** Binary numeric promotion: int, long, float or double. */
    static DrlType promote(DrlType a, DrlType b) {
        int rank = Math.max(rank(a), rank(b));
        return of(NUMERIC_RANK.get(Math.max(rank, NUMERIC_RANK.indexOf(int.class))));
    }

    /** Position of a numeric type in the widening order, -1 for anything else. */
    static int rank(DrlType type) {
        Class<?> p = type.unboxed();
        return p == null ? -1 : NUMERIC_RANK.indexOf(p);
    }

    /** The type of {@code c ? a : b}, near enough for choosing methods. */
    static DrlType merge(DrlType a, DrlType b) {
        if (a.isNull()) return b.raw.isPrimitive() ? of(b.boxed()) : b;
        if (b.isNull()) return a.raw.isPrimitive() ? of(a.boxed()) : a;
        if (a.equals(b)) return a;
        if (a.isNumeric() && b.isNumeric()) return promote(a, b);
        if (a.isBoolean() && b.isBoolean()) return of(boolean.class);
        return of(Object.class);
    }

    String describe() {
        if (isNull()) return "null";
        if (element != null) return raw.getSimpleName() + "<" + element.getSimpleName() + ">";
        return raw.getSimpleName();
    }
}
