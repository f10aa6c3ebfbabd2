package io.meshwork.lineage.intake;

/** What is wrong in an event, at which JSON path ({@code $.inputs[0].namespace}). */
public record EventViolation(String path, String message) {

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
