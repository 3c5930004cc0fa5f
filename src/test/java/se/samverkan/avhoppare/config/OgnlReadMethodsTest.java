package se.samverkan.avhoppare.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.ibatis.builder.BuilderException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.OgnlCache;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MyBatis's OGNL reads the same values through the accessor, and resolves each (class, name) once. */
class OgnlReadMethodsTest {

  /** Each kind of property a mapping can name; a class OGNL has never seen before this test. */
  public static final class Bean {
    public String plain = "field";
    private final boolean active;

    Bean(boolean active) {
      this.active = active;
    }

    public boolean isActive() {
      return active;
    }

    public String getTitle() {
      return "title";
    }
  }

  @BeforeAll
  static void install() {
    OgnlReadMethods.install();
  }

  static OgnlReadMethods.Accessor accessor() {
    try {
      return (OgnlReadMethods.Accessor) OgnlRuntime.getPropertyAccessor(Object.class);
    } catch (org.apache.ibatis.ognl.OgnlException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void plainObjectsAreReadThroughTheAccessor() throws Exception {
    assertThat(OgnlRuntime.getPropertyAccessor(Bean.class)).isSameAs(accessor());
  }

  @Test
  void aMethodNamedLikeThePropertyIsResolvedOnce() {
    OgnlReadMethods.Accessor accessor = accessor();
    long before = accessor.lookups(Bean.class);
    // "isActive" is not a bean property (that would be "active"): OGNL's fallback finds the method of that name
    assertThat(OgnlCache.getValue("isActive", new Bean(true))).isEqualTo(true);
    assertThat(OgnlCache.getValue("isActive", new Bean(false))).isEqualTo(false);
    assertThat(OgnlCache.getValue("isActive or isActive", new Bean(false))).isEqualTo(false);
    assertThat(accessor.lookups(Bean.class)).as("isActive looked up once (no other test reads it)").isEqualTo(before + 1);
  }

  @Test
  void gettersFieldsAndMissingPropertiesAreAsBefore() {
    assertThat(OgnlCache.getValue("title", new Bean(true))).isEqualTo("title");
    assertThat(OgnlCache.getValue("active", new Bean(true))).isEqualTo(true);
    assertThat(OgnlCache.getValue("plain", new Bean(true))).isEqualTo("field");
    assertThatThrownBy(() -> OgnlCache.getValue("noSuchProperty", new Bean(true)))
        .isInstanceOf(BuilderException.class).hasMessageContaining("noSuchProperty");
  }

  @Test
  void camundasTaskQueryNamesReadTheirMethods() throws Exception {
    TaskQueryImpl query = new TaskQueryImpl();
    assertThat(OgnlCache.getValue("isWithoutTenantId", query)).isEqualTo(false);
    assertThat(OgnlCache.getValue("isOrQueryActive", query)).isEqualTo(false);
    query.withoutTenantId();
    assertThat(OgnlCache.getValue("isWithoutTenantId", query)).isEqualTo(true);
    OgnlReadMethods.Accessor accessor = accessor();
    assertThat(accessor.readMethod(TaskQueryImpl.class, "isOrQueryActive")).isEqualTo(TaskQueryImpl.class.getMethod("isOrQueryActive"));
    assertThat(accessor.readMethod(TaskQueryImpl.class, "noSuchProperty")).isNull();
  }
}
