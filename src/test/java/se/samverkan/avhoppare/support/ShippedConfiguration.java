package se.samverkan.avhoppare.support;

import java.io.IOException;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Binds the shipped application.yaml without starting the application: unit tests of real configuration. */
public final class ShippedConfiguration {

  private ShippedConfiguration() {}

  public static <T> T bind(String prefix, Class<T> type) {
    try {
      List<PropertySource<?>> sources = new YamlPropertySourceLoader()
          .load("application.yaml", new ClassPathResource("application.yaml"));
      StandardEnvironment environment = new StandardEnvironment();
      sources.forEach(environment.getPropertySources()::addLast);
      return new Binder(ConfigurationPropertySources.get(environment)).bind(prefix, type).get();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
