package io.meshwork.lineage.graph;

/** A column walk reached more fields than its budget allows. */
public class WalkTooLargeException extends RuntimeException {

  private final int budget;

  public WalkTooLargeException(int budget) {
    super("the walk reaches more than " + budget + " fields");
    this.budget = budget;
  }

  public int budget() {
    return budget;
  }
}
