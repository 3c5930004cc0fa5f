package se.samverkan.avhoppare.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.lang.reflect.Proxy;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.parameter.ParameterHandler;
import org.apache.ibatis.executor.resultset.ResultSetHandler;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.type.TypeHandlerRegistry;
import org.junit.jupiter.api.Test;

/** The service's MyBatis interceptors wrap only what they intercept; every other handler passes through untouched. */
class InterceptorTargetsTest {

  private final Executor executor = mock(Executor.class);
  private final StatementHandler statement = mock(StatementHandler.class);
  private final ParameterHandler parameters = mock(ParameterHandler.class);
  private final ResultSetHandler results = mock(ResultSetHandler.class);

  @Test
  void theTaskCountCacheWrapsExecutorsOnly() {
    assertWrapsOnly(new TaskCountCache.Counts(new TypeHandlerRegistry()), executor, statement, parameters, results);
  }

  @Test
  void theAuthorizationRewriterWrapsStatementHandlersOnly() {
    assertWrapsOnly(new AuthorizationSqlTuning.Rewriter(), statement, executor, parameters, results);
  }

  private static void assertWrapsOnly(Interceptor interceptor, Object intercepted, Object... others) {
    Object wrapped = interceptor.plugin(intercepted);
    assertThat(Proxy.isProxyClass(wrapped.getClass())).isTrue();
    assertThat(Proxy.getInvocationHandler(wrapped)).isInstanceOf(Plugin.class);
    for (Object other : others) {
      assertThat(interceptor.plugin(other)).isSameAs(other);
    }
  }
}
