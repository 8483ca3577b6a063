package io.credence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

/**
 * The two halves of the sandbox read one table of JDK members ({@link PolicyBytecode#JDK}): what the
 * source check lets an analyst write is what the bytecode check lets run, and nothing more.
 */
class PolicySandboxAllowListTest {

    @Test
    void every_member_an_analyst_may_write_is_a_real_public_member_of_a_class_that_offers_it() {
        // Number's members are one set for every boxed type, so isNaN is real on Double, not on Integer.
        PolicyBytecode.JDK.forEach((type, members) -> {
            for (String name : members.instance()) {
                assertThat(PolicyBytecode.JDK.entrySet().stream()
                                .filter(e -> e.getValue().instance().contains(name))
                                .anyMatch(e -> hasMethod(e.getKey(), name, false)))
                        .as(type.getSimpleName() + "." + name)
                        .isTrue();
            }
            for (String name : members.statics()) {
                assertThat(hasMethod(type, name, true))
                        .as(type.getSimpleName() + "." + name + " (static)")
                        .isTrue();
            }
        });
    }

    private static boolean hasMethod(Class<?> type, String name, boolean isStatic) {
        return Arrays.stream(type.getMethods())
                .anyMatch(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == isStatic);
    }

    @Test
    void the_source_check_offers_exactly_the_members_the_table_lets_an_analyst_write() {
        PolicyBytecode.JDK.forEach((type, members) -> {
            for (Method method : type.getMethods()) {
                String name = method.getName();
                boolean isStatic = Modifier.isStatic(method.getModifiers());
                List<Method> offered = isStatic
                        ? PolicySandboxAllowList.staticMethods(type, name)
                        : PolicySandboxAllowList.instanceMethods(DrlType.of(type), name);
                boolean written = isStatic
                        ? members.statics().contains(name)
                        : members.instance().contains(name);
                assertThat(!offered.isEmpty())
                        .as(type.getSimpleName() + "." + name + (isStatic ? " (static)" : ""))
                        .isEqualTo(written);
            }
        });
    }

    @Test
    void whatever_the_source_check_offers_the_bytecode_check_lets_run() {
        for (Class<?> type : PolicyBytecode.JDK.keySet()) {
            for (Method method : type.getMethods()) {
                List<Method> offered = Modifier.isStatic(method.getModifiers())
                        ? PolicySandboxAllowList.staticMethods(type, method.getName())
                        : PolicySandboxAllowList.instanceMethods(DrlType.of(type), method.getName());
                for (Method m : offered) {
                    assertThat(PolicyBytecode.memberAllowed(Type.getInternalName(type), m.getName(), "Policy"))
                            .as(type.getSimpleName() + "." + m.getName())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void constants_are_readable_only_from_classes_with_static_members_an_analyst_may_write() {
        assertThat(PolicySandboxAllowList.constant(Math.class, "PI")).isNotNull();
        assertThat(PolicySandboxAllowList.constant(Integer.class, "MAX_VALUE")).isNotNull();
        Field outside = PolicySandboxAllowList.constant(java.math.BigDecimal.class, "ONE");
        assertThat(outside).isNull();
        assertThat(PolicySandboxAllowList.STATIC_CLASSES)
                .containsExactlyInAnyOrder(
                        Math.class, String.class, Integer.class, Long.class, Double.class, Boolean.class);
    }

    @Test
    void a_list_offers_the_list_members_whatever_its_implementation() {
        assertThat(PolicySandboxAllowList.instanceMethods(DrlType.of(java.util.ArrayList.class), "size"))
                .isNotEmpty();
        assertThat(PolicySandboxAllowList.instanceMethods(DrlType.of(java.util.ArrayList.class), "add"))
                .isEmpty();
    }
}
