package se.samverkan.avhoppare.arende;

/** How a running assignment ended: recorded the same for the home case and the receiving assignment. */
public enum Avslutstyp {
  /** At the planned end date, after a final follow-up (§7). */
  PLANERAT_SLUT,
  /** Seven days after a written notice from either municipality (§12). */
  UPPSAGT,
  /** The person ended their participation (§4). */
  AVBRUTET,
  /** The agreement version ended and a party did not complete the assignment under its terms (§4). */
  AVTALSVERSION_UPPHORT,
  /** The receiving municipality was released by force majeure (§13). */
  FORCE_MAJEURE
}
