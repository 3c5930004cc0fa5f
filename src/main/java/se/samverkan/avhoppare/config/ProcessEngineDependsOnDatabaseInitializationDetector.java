package se.samverkan.avhoppare.config;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for Liquibase: the engine's schema-update is off and the schema
 * (Camunda's changelog plus ours) must exist before the engine reads it. Spring Boot orders every
 * bean this detector names after all database initializers.
 */
public class ProcessEngineDependsOnDatabaseInitializationDetector implements DependsOnDatabaseInitializationDetector {

  @Override
  public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
    Set<String> names = new HashSet<>();
    Arrays.stream(beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false))
        .map(BeanFactoryUtils::transformedBeanName)
        .forEach(names::add);
    names.addAll(Arrays.asList(beanFactory.getBeanNamesForType(ProcessEngineConfigurationImpl.class, true, false)));
    return names;
  }
}
