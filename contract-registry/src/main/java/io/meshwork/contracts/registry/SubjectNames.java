package io.meshwork.contracts.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * The names a subject is made of under Confluent's three naming strategies: {@code
 * <topic>-value|key} (TopicNameStrategy), {@code com.acme.orders.OrderPlaced} (RecordNameStrategy)
 * and {@code <topic>-com.acme.orders.OrderPlaced} (TopicRecordNameStrategy).
 */
record SubjectNames(String subject, String topic, String record) {

  static SubjectNames of(String subject) {
    for (String suffix : List.of("-value", "-key")) {
      if (subject.endsWith(suffix) && subject.length() > suffix.length()) {
        return new SubjectNames(
            subject, subject.substring(0, subject.length() - suffix.length()), null);
      }
    }
    int dash = subject.lastIndexOf('-');
    if (dash > 0 && dash < subject.length() - 1 && subject.indexOf('.', dash) > dash) {
      // A record name has no dash; a topic may have several.
      return new SubjectNames(subject, subject.substring(0, dash), subject.substring(dash + 1));
    }
    return new SubjectNames(subject, null, subject);
  }

  /** The topic and the record name, whichever the strategy put in the subject, topic first. */
  List<String> parts() {
    List<String> parts = new ArrayList<>(2);
    if (topic != null) {
      parts.add(topic);
    }
    if (record != null) {
      parts.add(record);
    }
    return parts;
  }

  /** The first dot-separated segment of the topic, or of the record name without a topic. */
  String firstSegment() {
    String name = topic != null ? topic : record;
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : null;
  }
}
