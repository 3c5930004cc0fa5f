package se.samverkan.avhoppare.arende;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.arende.VerkstallighetRepository.Verkstallighet;

/**
 * Where the home municipality records how its current assignment ended. Once implementation has begun
 * the ending is written to that assignment's {@code verkstallighet} row (the first recorded ending
 * stands); before, from the request onwards, it is kept on the case instance ({@code avslutstyp},
 * {@code avslutsorsak}, {@code avslutadAv}) until the case's end event writes it to {@code arende}.
 * Either way the same reason then reaches the receiving municipality's {@code uppdrag}.
 */
@Component
public class Uppdragsavslut {

  static final String VAR_AVSLUTAD_AV = "avslutadAv";

  private final VerkstallighetRepository repository;

  public Uppdragsavslut(VerkstallighetRepository repository) {
    this.repository = repository;
  }

  /** The recorded ending of the current assignment. */
  public record Registrerat(String typ, String orsak, String avslutadAv, String meddelandeNyckel) {}

  public void registrera(VariableScope scope, String referens, String typ, String orsak, String avslutadAv) {
    if (repository.aktuell(referens).isPresent()) {
      repository.avslut(referens, typ, orsak, avslutadAv);
    } else {
      scope.setVariable(ArendeProcess.VAR_AVSLUTSTYP, typ);
      scope.setVariable(ArendeProcess.VAR_AVSLUTSORSAK, orsak);
      scope.setVariable(VAR_AVSLUTAD_AV, avslutadAv);
    }
  }

  public Optional<Registrerat> registrerat(VariableScope scope, String referens) {
    Optional<Verkstallighet> v = repository.aktuell(referens);
    if (v.isPresent()) {
      return v.filter(x -> x.avslutstyp() != null)
          .map(x -> new Registrerat(x.avslutstyp(), x.avslutsorsak(), x.avslutadAv(), x.startad().toInstant().toString()));
    }
    Object typ = scope.getVariable(ArendeProcess.VAR_AVSLUTSTYP);
    if (typ == null) {
      return Optional.empty();
    }
    Object orsak = scope.getVariable(ArendeProcess.VAR_AVSLUTSORSAK);
    Object av = scope.getVariable(VAR_AVSLUTAD_AV);
    return Optional.of(new Registrerat(typ.toString(), orsak == null ? null : orsak.toString(), av == null ? null : av.toString(),
        "fore-verkstallighet"));
  }
}
