package com.shellguard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST, PUT or DELETE that changes nothing (a test connection, a trial of a rule), so {@link AdminChangeNet}
 * does not take it for a change its service forgot to record.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChangesNothing {
}
