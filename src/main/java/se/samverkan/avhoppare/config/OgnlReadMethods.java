package se.samverkan.avhoppare.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The engine's SQL is rendered anew for every statement by MyBatis, whose OGNL (shaded in {@code
 * org.apache.ibatis.ognl}) reads each property the mapping names. For a name that is not a JavaBeans
 * property it falls back to {@code OgnlRuntime.getReadMethod}, which copies every public method of the
 * class and lower-cases each method's name, on every evaluation, and keeps nothing. Camunda's task query
 * mapping names {@code isOrQueryActive} and {@code isWithoutTenantId} (methods of exactly those names, so
 * not bean properties) for every condition of every task query: {@code TaskQueryImpl} has some 300 public
 * methods. A warm node serving Tasklist's list spent a quarter of all its allocation there
 * (docs/performance.md, sixth step).
 *
 * <p>{@link Accessor} is MyBatis's own accessor for plain objects with the method each (class, name)
 * resolves to looked up once, by OGNL's own two lookups in OGNL's own order; the member-access check, the
 * call and everything without such a method (fields, a missing property's error) are MyBatis's code. It
 * is installed in OGNL's registry for {@code Object} before the engine renders its first statement. OGNL's
 * registry is one per JVM: a class OGNL has already resolved keeps the accessor it resolved to, so in a
 * JVM that ran MyBatis before this plugin, those classes keep MyBatis's accessor (same values, slower).
 * {@code avhoppare.tuning.ognl-read-methods=false} leaves MyBatis's accessor in place.
 */
@Component
@ConditionalOnProperty(name = "avhoppare.tuning.ognl-read-methods", havingValue = "true", matchIfMissing = true)
public class OgnlReadMethods extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    install();
  }

  /** Makes {@link Accessor} OGNL's accessor for plain objects (idempotent). */
  static void install() {
    try {
      if (!(OgnlRuntime.getPropertyAccessor(Object.class) instanceof Accessor)) {
        OgnlRuntime.setPropertyAccessor(Object.class, new Accessor());
      }
    } catch (OgnlException e) {
      throw new IllegalStateException("OGNL has no accessor for Object", e);
    }
  }

  /** MyBatis's accessor for plain objects, with each (class, property name) resolved to its read method once. */
  public static final class Accessor extends ObjectPropertyAccessor {

    private static final Object[] NO_ARGUMENTS = new Object[0];

    /** Each class's names resolved so far (each computed once, so the map's size is the lookups made). */
    private final ClassValue<Map<String, Optional<Method>>> resolved = new ClassValue<>() {
      @Override
      protected Map<String, Optional<Method>> computeValue(Class<?> type) {
        return new ConcurrentHashMap<>();
      }
    };

    /** How many names of this class were looked up since start (for tests): each one once. */
    public long lookups(Class<?> type) {
      return resolved.get(type).size();
    }

    @Override
    public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
      Method read = target == null ? null : readMethod(target.getClass(), name);
      if (read == null || !context.getMemberAccess().isAccessible(context, target, read, name)) {
        return super.getPossibleProperty(context, target, name); // fields, missing properties: MyBatis's own path
      }
      try {
        return OgnlRuntime.invokeMethod(target, read, NO_ARGUMENTS);
      } catch (InvocationTargetException e) {
        throw new OgnlException(name, e.getTargetException());
      } catch (IllegalAccessException e) {
        throw new OgnlException(name, e);
      }
    }

    /** What OGNL's getMethodValue resolves the name to (its getter, else its read method), looked up once. */
    Method readMethod(Class<?> type, String name) {
      return resolved.get(type).computeIfAbsent(name, n -> {
        Method getter = OgnlRuntime.getGetMethod(type, n);
        return Optional.ofNullable(getter != null ? getter : OgnlRuntime.getReadMethod(type, n, null));
      }).orElse(null);
    }
  }
}
