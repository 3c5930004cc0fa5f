package se.samverkan.avhoppare.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.reflection.ReflectionException;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.junit.jupiter.api.Test;

/** The object factory builds what MyBatis's own does, without its exception per non-public constructor. */
class EntityConstructorsTest {

  private final EntityConstructors.Factory factory = new EntityConstructors.Factory();

  @Test
  void aProtectedConstructorIsCalledDirectly() {
    long before = EntityConstructors.Factory.direct();
    FilterEntity first = factory.create(FilterEntity.class);
    FilterEntity second = factory.create(FilterEntity.class);
    assertThat(first).isNotNull().isNotSameAs(second);
    assertThat(first.getResourceType()).isNull();
    assertThat(EntityConstructors.Factory.direct()).isEqualTo(before + 2);
  }

  @Test
  void interfacesGetMyBatisImplementations() {
    assertThat(factory.create(List.class)).isInstanceOf(ArrayList.class).isEmpty();
    assertThat(factory.create(Map.class)).isInstanceOf(Map.class).isEmpty();
  }

  @Test
  void constructorArgumentsAreMyBatisOwnPath() {
    long before = EntityConstructors.Factory.direct();
    FilterEntity task = factory.create(FilterEntity.class, List.of(String.class), List.of("Task"));
    assertThat(task.getResourceType()).isEqualTo("Task");
    assertThat(EntityConstructors.Factory.direct()).isEqualTo(before);
  }

  @Test
  void aTypeWithoutANoArgumentConstructorFailsAsInMyBatis() {
    assertThatThrownBy(() -> factory.create(Integer.class)).isInstanceOf(ReflectionException.class);
  }
}
