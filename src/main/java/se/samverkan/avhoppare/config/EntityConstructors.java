package se.samverkan.avhoppare.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The engine's MyBatis creates each result row's object through its {@code DefaultObjectFactory}, which
 * calls the no-argument constructor and, when that constructor is not public, catches the
 * {@code IllegalAccessException}, makes it accessible and calls it again — for every row, every time.
 * Camunda's {@code FilterEntity} has a protected constructor, and Tasklist reads its filter three times per
 * list request: a CPU profile of a warm node serving Tasklist's list showed 3.3 % of all CPU in building
 * those exceptions' stack traces (docs/performance.md, sixth step).
 *
 * <p>{@link Factory} looks each type's no-argument constructor up once, makes it accessible once, and
 * calls it directly after that; everything else (constructor arguments, interfaces such as {@code List},
 * types without such a constructor) is MyBatis's own code. The objects built are the same. On every
 * database; {@code avhoppare.tuning.entity-constructors=false} leaves MyBatis's factory in place.
 */
@Component
@ConditionalOnProperty(name = "avhoppare.tuning.entity-constructors", havingValue = "true", matchIfMissing = true)
public class EntityConstructors extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getSqlSessionFactory().getConfiguration().setObjectFactory(new Factory());
  }

  /** MyBatis's object factory with each type's no-argument constructor looked up and opened once. */
  public static final class Factory extends DefaultObjectFactory {

    private static final long serialVersionUID = 1L;
    private static final AtomicLong DIRECT = new AtomicLong();

    /** Objects built through a kept constructor since start, in this JVM (for tests). */
    public static long direct() {
      return DIRECT.get();
    }

    private final transient ClassValue<Constructor<?>> noArgument = new ClassValue<>() {
      @Override
      protected Constructor<?> computeValue(Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
          return null;
        }
        try {
          Constructor<?> constructor = type.getDeclaredConstructor();
          constructor.setAccessible(true);
          return constructor;
        } catch (NoSuchMethodException | RuntimeException notUsable) {
          return null; // interfaces, abstract types, no such constructor, a closed module: MyBatis's own path
        }
      }
    };

    @Override
    public <T> T create(Class<T> type, List<Class<?>> constructorArgTypes, List<Object> constructorArgs) {
      if (constructorArgTypes == null || constructorArgs == null) {
        Class<?> concrete = resolveInterface(type);
        Constructor<?> constructor = noArgument.get(concrete);
        if (constructor != null) {
          try {
            T created = type.cast(constructor.newInstance());
            DIRECT.incrementAndGet();
            return created;
          } catch (ReflectiveOperationException | RuntimeException failed) {
            // fall through: MyBatis reports it in its own words
          }
        }
      }
      return super.create(type, constructorArgTypes, constructorArgs);
    }
  }
}
