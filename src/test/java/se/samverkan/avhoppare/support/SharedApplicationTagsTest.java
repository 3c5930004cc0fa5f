package se.samverkan.avhoppare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.ClassUtils;

/**
 * The {@code @PostgresIntegrationTest} classes share one JVM and one application context unless tagged
 * {@value PostgresIntegrationTest#OWN_JVM} (pom.xml, failsafe). A class that changes the application
 * would otherwise start a second context beside the shared one in that JVM — two job executors on the
 * same database, and Camunda's webapp filters pointed at whichever started last. This keeps the tag
 * where it is needed.
 */
class SharedApplicationTagsTest {

  @Test
  void aPostgresIntegrationTestThatChangesOrStartsAnApplicationRunsInAJvmOfItsOwn() throws Exception {
    List<Class<?>> shared = new ArrayList<>();
    List<String> untagged = new ArrayList<>();
    for (Class<?> test : postgresIntegrationTests()) {
      List<String> reasons = changesTheApplication(test);
      boolean ownJvm = Arrays.stream(test.getAnnotationsByType(Tag.class)).anyMatch(t -> t.value().equals(PostgresIntegrationTest.OWN_JVM));
      if (!reasons.isEmpty() && !ownJvm) {
        untagged.add(test.getSimpleName() + " " + reasons);
      }
      if (!ownJvm) {
        shared.add(test);
      }
    }
    assertThat(untagged).as("@PostgresIntegrationTest classes that change or start an application but are not tagged "
        + PostgresIntegrationTest.OWN_JVM).isEmpty();
    assertThat(shared).as("classes that share the application").hasSizeGreaterThan(1);
  }

  static List<Class<?>> postgresIntegrationTests() throws ClassNotFoundException {
    var scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
        return true;
      }
    };
    scanner.addIncludeFilter(new AnnotationTypeFilter(PostgresIntegrationTest.class));
    List<Class<?>> found = new ArrayList<>();
    for (var definition : scanner.findCandidateComponents("se.samverkan.avhoppare")) {
      found.add(ClassUtils.forName(definition.getBeanClassName(), SharedApplicationTagsTest.class.getClassLoader()));
    }
    assertThat(found).as("@PostgresIntegrationTest classes on the test class path").isNotEmpty();
    return found;
  }

  static List<String> changesTheApplication(Class<?> test) throws IOException {
    List<String> reasons = new ArrayList<>();
    if (AnnotatedElementUtils.hasAnnotation(test, TestPropertySource.class)) {
      reasons.add("@TestPropertySource");
    }
    for (Method m : test.getDeclaredMethods()) {
      if (m.isAnnotationPresent(DynamicPropertySource.class)) {
        reasons.add("@DynamicPropertySource " + m.getName());
      }
    }
    for (Field f : test.getDeclaredFields()) {
      if (mocksABean(f)) {
        reasons.add("a mocked bean " + f.getName());
      }
    }
    Path source = Path.of("src/test/java", test.getName().replace('.', '/') + ".java");
    if (Files.exists(source) && Files.readString(source).contains("SpringApplicationBuilder")) {
      reasons.add("starts a second application");
    }
    return reasons;
  }

  private static boolean mocksABean(AnnotatedElement element) {
    return Stream.of(element.getAnnotations()).map(a -> a.annotationType().getSimpleName())
        .anyMatch(name -> name.equals("MockitoBean") || name.equals("MockitoSpyBean") || name.equals("MockBean") || name.equals("SpyBean"));
  }
}
