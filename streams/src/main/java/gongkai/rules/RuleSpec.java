package gongkai.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import gongkai.avro.Severity;

/**
 * A rule's catalog entry, written on the rule class itself: a class of this package that carries it is in the
 * catalog ({@link Rules}), so a new rule is one class (and its test) with no list to edit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleSpec {
    /** The stable id, part of every alert key: never reuse or renumber one. */
    String id();

    String kind();

    Severity severity();

    /** One-line title, Chinese. */
    String zh();

    /** One-line title, English. */
    String en();
}
