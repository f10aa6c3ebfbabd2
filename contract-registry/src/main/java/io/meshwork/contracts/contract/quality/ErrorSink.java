package io.meshwork.contracts.contract.quality;

/** Receives the problems the quality gate finds, one call per problem. */
public interface ErrorSink {
  void add(int record, String field, String rule, String message);
}
