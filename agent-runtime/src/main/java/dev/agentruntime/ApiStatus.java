package dev.agentruntime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declare how far users may rely on a type: its status and the version it got that status in.
 *
 * <p>The same contract as JUnit's {@code @API} from apiguardian, kept in this module so that it
 * stays free of dependencies: a class annotated with a type that is missing from the compile class
 * path makes {@code javac -Xlint:all} warn in every downstream build (with {@code -Werror}, fail).
 * Tools read it from the class files; it is not retained at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD, ElementType.PACKAGE})
@ApiStatus(status = ApiStatus.Status.EXPERIMENTAL, since = "0.1")
public @interface ApiStatus {

    /** Return how far users may rely on the annotated element. */
    Status status();

    /** Return the version the element got its status in; empty only for {@link Status#INTERNAL}. */
    String since() default "";

    /** Say how far users may rely on an element; the values and their meaning are apiguardian's. */
    @ApiStatus(status = Status.EXPERIMENTAL, since = "0.1")
    enum Status {

        /** Implementation only: may change or vanish in any release; never use it from outside the runtime. */
        INTERNAL,

        /** Still works but will be removed; move off it. */
        DEPRECATED,

        /** New and open to feedback: may change incompatibly in a minor release. */
        EXPERIMENTAL,

        /** Kept source-compatible for at least the next minor release. */
        MAINTAINED,

        /** Kept source-compatible within the current major version. */
        STABLE
    }
}
