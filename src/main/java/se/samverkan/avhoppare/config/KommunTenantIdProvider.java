package se.samverkan.avhoppare.config;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Gives each process instance its municipality as tenant, so the tenant check isolates it. The
 * definitions are shared; the instance's owner is decided here:
 * <ul>
 *   <li>{@code arende} started by a person: that person's municipality (exactly one; otherwise none,
 *       and the start is refused by the intake listener);
 *   <li>{@code arende} started by the service (a handover): the {@code hemkommun} it names;
 *   <li>{@code uppdrag}: the {@code mottagandeKommun} the request names.
 * </ul>
 */
@Component
public class KommunTenantIdProvider extends AbstractProcessEnginePlugin implements TenantIdProvider {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    String key = ctx.getProcessDefinition().getKey();
    if ("uppdrag".equals(key)) {
      return string(ctx.getVariables().get("mottagandeKommun"));
    }
    if ("arende".equals(key)) {
      Authentication auth = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
      if (auth != null && auth.getUserId() != null) {
        List<String> tenants = auth.getTenantIds();
        return tenants != null && tenants.size() == 1 ? tenants.get(0) : null;
      }
      return string(ctx.getVariables().get("hemkommun"));
    }
    return null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return null;
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }
}
