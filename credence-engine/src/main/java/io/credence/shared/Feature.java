package io.credence.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on a feature's {@code package-info.java}, which other features (top-level packages under
 * {@code io.credence}, named by their last segment) its code may use; {@code shared}, the kernel of
 * domain exceptions and helpers, is every feature's. The architecture test fails the
 * build on any dependency not declared here, and on any cycle among the declarations: a new
 * dependency between features is a decision made in review, visible in one line.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface Feature {

    /** The features this one may depend on; none when it stands alone. */
    String[] allowedDependencies() default {};
}
