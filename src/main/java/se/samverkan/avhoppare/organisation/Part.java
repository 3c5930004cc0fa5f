package se.samverkan.avhoppare.organisation;

/** A party to the agreement (§1): a committee (nämnd) of one municipality. A case is owned by one. */
public record Part(String id, String namn, String kommunId) {}
