package io.meshwork.contracts.contract.quality;

/**
 * Allocation-free checks of ISO-8601 dates, times and timestamps (the shapes JSON data uses), much
 * cheaper than a DateTimeFormatter parse on the quality gate's hot path.
 */
final class Iso8601 {

  private Iso8601() {}

  /** yyyy-MM-dd with a real month and day. */
  static boolean isDate(String s) {
    return s.length() == 10 && date(s, 0);
  }

  /** HH:mm:ss with optional fraction and offset. */
  static boolean isTime(String s) {
    return time(s, 0) == s.length() || offset(s, time(s, 0));
  }

  /** yyyy-MM-dd'T'HH:mm:ss(.fraction)(Z|+hh:mm|-hh:mm), as Instant/OffsetDateTime print. */
  static boolean isTimestamp(String s) {
    if (s.length() < 19 || !date(s, 0) || (s.charAt(10) != 'T' && s.charAt(10) != ' ')) {
      return false;
    }
    int end = time(s, 11);
    return end > 0 && (end == s.length() || offset(s, end));
  }

  private static boolean date(String s, int at) {
    if (s.length() < at + 10 || s.charAt(at + 4) != '-' || s.charAt(at + 7) != '-') {
      return false;
    }
    int year = digits(s, at, 4);
    int month = digits(s, at + 5, 2);
    int day = digits(s, at + 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1) {
      return false;
    }
    return day <= daysIn(month, year);
  }

  /** Index after HH:mm:ss(.fff), or -1. */
  private static int time(String s, int at) {
    if (s.length() < at + 8 || s.charAt(at + 2) != ':' || s.charAt(at + 5) != ':') {
      return -1;
    }
    int hour = digits(s, at, 2);
    int minute = digits(s, at + 3, 2);
    int second = digits(s, at + 6, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
      return -1;
    }
    int i = at + 8;
    if (i < s.length() && s.charAt(i) == '.') {
      int start = ++i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return -1;
      }
    }
    return i;
  }

  private static boolean offset(String s, int at) {
    if (at < 0 || at >= s.length()) {
      return false;
    }
    char c = s.charAt(at);
    if (c == 'Z' || c == 'z') {
      return at + 1 == s.length();
    }
    if ((c == '+' || c == '-') && s.length() == at + 6 && s.charAt(at + 3) == ':') {
      int hours = digits(s, at + 1, 2);
      int minutes = digits(s, at + 4, 2);
      return hours >= 0 && hours <= 18 && minutes >= 0 && minutes <= 59;
    }
    return false;
  }

  private static int digits(String s, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int daysIn(int month, int year) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }
}
