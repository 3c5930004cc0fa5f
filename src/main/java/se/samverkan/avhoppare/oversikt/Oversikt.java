package se.samverkan.avhoppare.oversikt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import se.samverkan.avhoppare.arende.ArendeRepository;
import se.samverkan.avhoppare.arende.Kvotrakning;
import se.samverkan.avhoppare.avstamning.AvstamningRepository;
import se.samverkan.avhoppare.avtal.AvtalRegister;
import se.samverkan.avhoppare.avtal.Avtalsversion;
import se.samverkan.avhoppare.avtal.KvotOchBalans;
import se.samverkan.avhoppare.avtalsuppsagning.AvtalsuppsagningRepository;
import se.samverkan.avhoppare.organisation.Kommun;
import se.samverkan.avhoppare.organisation.Organisation;

/**
 * The managers' overview per agreement version: sent and received per municipality against the
 * quota, the balance from each municipality to each other, how far the counted assignments have
 * come, §11 notices and the confirmed §8 reconciliations. Aggregate only: no case reference, no
 * date or figure that belongs to one case. The counting is {@link Kvotrakning}'s, not a copy.
 */
@Component
public class Oversikt {

  public record Kvot(int skickade, int mottagna) {}

  public record KommunSiffror(String kommun, String namn, int skickade, int mottagna, boolean skickadeOverKvot,
      boolean mottagnaOverKvot, LocalDate avtaletUpphorFor) {}

  public record Balans(String fran, String till, int antal) {}

  public record Uppdrag(int pagaende, int avslutade, int underForberedelse) {}

  public record Avstamning(LocalDate periodStart, LocalDate periodSlut, String kommunA, String kommunB, BigDecimal kostnadA,
      BigDecimal kostnadB, BigDecimal avvikelse, BigDecimal utjamning, String betalare, String mottagare, int omgangar,
      LocalDate faststalld) {}

  public record Version(String id, String namn, LocalDate start, LocalDate slut, Kvot kvot, List<KommunSiffror> kommuner,
      List<Balans> balans, Uppdrag uppdrag, List<Avstamning> avstamningar) {}

  private final AvtalRegister avtal;
  private final Organisation organisation;
  private final Kvotrakning rakning;
  private final ArendeRepository arenden;
  private final AvstamningRepository avstamningar;
  private final AvtalsuppsagningRepository uppsagningar;

  public Oversikt(AvtalRegister avtal, Organisation organisation, Kvotrakning rakning, ArendeRepository arenden, AvstamningRepository avstamningar,
      AvtalsuppsagningRepository uppsagningar) {
    this.avtal = avtal;
    this.organisation = organisation;
    this.rakning = rakning;
    this.arenden = arenden;
    this.avstamningar = avstamningar;
    this.uppsagningar = uppsagningar;
  }

  public List<Version> versioner() {
    List<Version> result = new ArrayList<>();
    for (Avtalsversion v : avtal.versioner()) {
      KvotOchBalans kb = rakning.kvotOchBalans(v.id());
      List<KommunSiffror> kommuner = new ArrayList<>();
      List<Balans> balans = new ArrayList<>();
      for (Kommun k : organisation.kommuner()) {
        KvotOchBalans.Siffror s = kb.siffror(k.id());
        kommuner.add(new KommunSiffror(k.id(), k.namn(), s.skickade(), s.mottagna(), s.skickade() > v.kvot().skickade(),
            s.mottagna() > v.kvot().mottagna(),
            uppsagningar.uppsagning(v.id(), k.id()).map(AvtalsuppsagningRepository.Uppsagning::sistaDag).orElse(null)));
        for (Kommun till : organisation.kommuner()) {
          if (!till.id().equals(k.id())) {
            balans.add(new Balans(k.id(), till.id(), kb.balans(k.id(), till.id())));
          }
        }
      }
      ArendeRepository.Uppdragslagen l = arenden.uppdragslagen(v.id());
      List<Avstamning> avst = avstamningar.faststallda(v.id()).stream().map(f -> new Avstamning(f.periodStart(), f.periodSlut(),
          f.kommunA(), f.kommunB(), f.kostnadA(), f.kostnadB(), f.avvikelse(), f.utjamning(), f.betalare(), f.mottagare(), f.omgangar(),
          f.faststalld().atZoneSameInstant(AvtalsuppsagningRepository.ZONE).toLocalDate())).toList();
      result.add(new Version(v.id(), v.namn(), v.start(), v.slut(), new Kvot(v.kvot().skickade(), v.kvot().mottagna()), kommuner,
          balans, new Uppdrag(l.pagaende(), l.avslutade(), l.underForberedelse()), avst));
    }
    return result;
  }

  /** The same figures as CSV, one figure per row (semicolon-separated, for a spreadsheet). */
  public String csv(List<Version> versioner) {
    StringBuilder sb = new StringBuilder("avtalsversion;uppgift;kommun;motpart;period;varde\n");
    for (Version v : versioner) {
      rad(sb, v.id(), "kvot_skickade", "", "", v.start() + "–" + v.slut(), v.kvot().skickade());
      rad(sb, v.id(), "kvot_mottagna", "", "", v.start() + "–" + v.slut(), v.kvot().mottagna());
      for (KommunSiffror k : v.kommuner()) {
        rad(sb, v.id(), "skickade", k.kommun(), "", "", k.skickade());
        rad(sb, v.id(), "mottagna", k.kommun(), "", "", k.mottagna());
        if (k.avtaletUpphorFor() != null) {
          rad(sb, v.id(), "avtalet_upphor", k.kommun(), "", "", k.avtaletUpphorFor());
        }
      }
      for (Balans b : v.balans()) {
        rad(sb, v.id(), "balans", b.fran(), b.till(), "", b.antal());
      }
      rad(sb, v.id(), "uppdrag_pagaende", "", "", "", v.uppdrag().pagaende());
      rad(sb, v.id(), "uppdrag_avslutade", "", "", "", v.uppdrag().avslutade());
      rad(sb, v.id(), "uppdrag_under_forberedelse", "", "", "", v.uppdrag().underForberedelse());
      for (Avstamning a : v.avstamningar()) {
        String period = a.periodStart() + "–" + a.periodSlut();
        rad(sb, v.id(), "avstamning_kostnad", a.kommunA(), a.kommunB(), period, a.kostnadA().toPlainString());
        rad(sb, v.id(), "avstamning_kostnad", a.kommunB(), a.kommunA(), period, a.kostnadB().toPlainString());
        rad(sb, v.id(), "avstamning_utjamning", a.betalare() == null ? "" : a.betalare(), a.mottagare() == null ? "" : a.mottagare(),
            period, a.utjamning().toPlainString());
      }
    }
    return sb.toString();
  }

  private static void rad(StringBuilder sb, String version, String uppgift, String kommun, String motpart, String period, Object varde) {
    sb.append(String.join(";", version, uppgift, kommun, motpart, period, String.valueOf(varde))).append('\n');
  }
}
