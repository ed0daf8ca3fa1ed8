package com.shellguard.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A test run once on every database a node runs on, given the {@link TestDatabases.Engine}; it is reported as the
 * method's name followed by "on H2", "on PostgreSQL".
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "on {0}")
@EnumSource(TestDatabases.Engine.class)
public @interface OnEveryDatabase {
}
