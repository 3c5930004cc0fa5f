package se.samverkan.avhoppare.formular;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * An accepted submission of one form, as a {@link FormularRegel} sees it: the values the form
 * defines (typed: text, yes/no, number, date, list of options, rows), which form and which task or
 * start event it came from, and the case it belongs to. A field hidden by its condition, or not
 * filled in, has no value here.
 */
public final class Inlamning {

  private final Formkontrakt kontrakt;
  private final Map<String, Object> varden;
  private final VariableScope scope;
  private final DelegateExecution execution;
  private final String aktivitet;

  Inlamning(Formkontrakt kontrakt, Map<String, Object> varden, VariableScope scope, DelegateExecution execution, String aktivitet) {
    this.kontrakt = kontrakt;
    this.varden = varden;
    this.scope = scope;
    this.execution = execution;
    this.aktivitet = aktivitet;
  }

  /** The form's id (its {@code camunda:formRef}). */
  public String formular() {
    return kontrakt.id();
  }

  public Formkontrakt kontrakt() {
    return kontrakt;
  }

  /** The id of the user task or start event whose form this is. */
  public String aktivitet() {
    return aktivitet;
  }

  /** The key of the process the submission belongs to ({@code arende}, {@code uppdrag}, …). */
  public String processnyckel() {
    return execution instanceof ExecutionEntity e && e.getProcessDefinition() != null ? e.getProcessDefinition().getKey() : null;
  }

  /** The municipality (tenant) that owns the instance. */
  public String kommun() {
    return execution.getTenantId();
  }

  /** The case reference (the instance's business key; null before intake has registered it). */
  public String referens() {
    return execution.getProcessBusinessKey();
  }

  public String processInstans() {
    return execution.getProcessInstanceId();
  }

  /** Where routing variables are set: the task (propagates to its execution) or the starting execution. */
  public VariableScope scope() {
    return scope;
  }

  public DelegateExecution execution() {
    return execution;
  }

  public boolean har(String nyckel) {
    return varden.containsKey(nyckel);
  }

  public String text(String nyckel) {
    Object v = varden.get(nyckel);
    return v == null ? null : v.toString().strip();
  }

  public boolean jaNej(String nyckel) {
    return Boolean.TRUE.equals(varden.get(nyckel));
  }

  public LocalDate datum(String nyckel) {
    return (LocalDate) varden.get(nyckel);
  }

  public BigDecimal tal(String nyckel) {
    return (BigDecimal) varden.get(nyckel);
  }

  @SuppressWarnings("unchecked")
  public List<String> lista(String nyckel) {
    Object v = varden.get(nyckel);
    return v == null ? List.of() : (List<String>) v;
  }

  /** A dynamic list's rows: each row's values by nested key (typed as the nested fields are). */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> rader(String nyckel) {
    Object v = varden.get(nyckel);
    return v == null ? List.of() : (List<Map<String, Object>>) v;
  }

  /** Another process variable (not a field of this form), e.g. a routing fact set earlier. */
  public Object variabel(String namn) {
    return scope.getVariable(namn);
  }
}
