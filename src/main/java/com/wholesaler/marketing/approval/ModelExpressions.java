package com.wholesaler.marketing.approval;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/**
 * What an expression in a model may reach: process variables, the project's delegates and listeners,
 * and the beans marked {@link ModelExpression}; methods and properties only of those beans. The
 * engine's default exposes every Spring bean and, through "execution", the engine's services, so a
 * model deployed through REST could run anything as the engine; here such an expression fails when
 * evaluated, and ModelCheck refuses it before it is deployed.
 */
@Component
public class ModelExpressions extends AbstractProcessEnginePlugin {

	private static final String PROJECT_PACKAGE = "com.wholesaler.marketing.";

	private final ApplicationContext context;
	private volatile Set<String> beanNames;

	public ModelExpressions(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setExpressionManager(new SpringExpressionManager(context) {
			@Override
			protected ELResolver createElResolver() {
				CompositeELResolver resolver = new CompositeELResolver();
				resolver.add(new VariableScopeElResolver());
				resolver.add(new VariableContextElResolver());
				resolver.add(new ExposedBeans());
				resolver.add(new ArrayELResolver());
				resolver.add(new ListELResolver());
				resolver.add(new MapELResolver());
				resolver.add(new ExposedBeanMembers());
				return resolver;
			}
		});
	}

	/** The names of the beans a model may use: delegates, listeners and {@link ModelExpression} beans of this project. */
	public Set<String> beanNames() {
		Set<String> names = beanNames;
		if (names == null) {
			names = new TreeSet<>();
			for (Class<?> type : new Class<?>[] { JavaDelegate.class, ExecutionListener.class, TaskListener.class, Object.class }) {
				for (String name : context.getBeanNamesForType(type, false, false)) {
					Class<?> beanType = context.getType(name, false);
					if (beanType != null && beanType.getName().startsWith(PROJECT_PACKAGE)
							&& (type != Object.class || AnnotationUtils.findAnnotation(beanType, ModelExpression.class) != null)) {
						names.add(name);
					}
				}
			}
			beanNames = Set.copyOf(names);
		}
		return beanNames;
	}

	public boolean isExposed(String beanName) {
		return beanNames().contains(beanName);
	}

	private static boolean isProjectBean(Object base) {
		return AopUtils.getTargetClass(base).getName().startsWith(PROJECT_PACKAGE);
	}

	private static ProcessEngineException refused(Object base, Object member) {
		return new ProcessEngineException("An expression may use only variables and the project's beans, not "
				+ AopUtils.getTargetClass(base).getSimpleName() + "." + member);
	}

	/** Resolves a top-level name to a bean only when it is one of those the models may use. */
	private class ExposedBeans extends ELResolver {

		@Override
		public Object getValue(ELContext elContext, Object base, Object property) {
			if (base == null && property instanceof String name && isExposed(name)) {
				elContext.setPropertyResolved(true);
				return context.getBean(name);
			}
			return null;
		}

		@Override
		public Class<?> getType(ELContext elContext, Object base, Object property) {
			return Object.class;
		}

		@Override
		public void setValue(ELContext elContext, Object base, Object property, Object value) {
			if (base == null && property instanceof String name && isExposed(name)) {
				throw new ProcessEngineException("Cannot set " + name + ": it is a bean");
			}
		}

		@Override
		public boolean isReadOnly(ELContext elContext, Object base, Object property) {
			return true;
		}

		@Override
		public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext elContext, Object base) {
			return null;
		}

		@Override
		public Class<?> getCommonPropertyType(ELContext elContext, Object base) {
			return Object.class;
		}
	}

	/** Methods and properties of the project's beans only: not of the execution, the task or the engine. */
	private static class ExposedBeanMembers extends BeanELResolver {

		ExposedBeanMembers() {
			super(true);
		}

		@Override
		public Object getValue(ELContext elContext, Object base, Object property) {
			if (base != null && !isProjectBean(base)) {
				throw refused(base, property);
			}
			return super.getValue(elContext, base, property);
		}

		@Override
		public Object invoke(ELContext elContext, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
			if (base != null && !isProjectBean(base)) {
				throw refused(base, method);
			}
			return super.invoke(elContext, base, method, paramTypes, params);
		}
	}
}
