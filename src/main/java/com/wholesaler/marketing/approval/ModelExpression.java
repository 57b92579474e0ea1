package com.wholesaler.marketing.approval;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean the models may call in an expression (a timer date, a due date): besides the delegates and
 * listeners, the only beans an expression sees (ModelExpressions). Give it methods that read, never
 * ones that decide or write.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModelExpression {
}
