package io.meshwork.lineage.query;

/** How signed access agreements appear in the graph: a job per agreement writing its consumer. */
public final class AgreementNodes {

  public static final String JOBS = "meshwork://contracts";
  public static final String CONSUMERS = "meshwork://consumers";
  public static final String PREFIX = "agreement:";
  public static final String JOB_TYPE = "ACCESS_AGREEMENT";

  private AgreementNodes() {}

  /** The node of a consuming team. */
  public static String consumer(String team) {
    return "consumer:" + team;
  }

  /** The access request an agreement job stands for, or null when the job is none. */
  static String accessRequest(String namespace, String jobName) {
    return JOBS.equals(namespace) && jobName.startsWith(PREFIX)
        ? jobName.substring(PREFIX.length())
        : null;
  }
}
