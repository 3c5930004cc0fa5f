package se.samverkan.avhoppare.formular;

import org.camunda.bpm.engine.ProcessEngineException;

/** A deployment refused because one of its forms has something the server cannot enforce; the message is Swedish. */
public class OgiltigtFormularException extends ProcessEngineException {

  private static final long serialVersionUID = 1L;

  public OgiltigtFormularException(String message) {
    super(message);
  }
}
