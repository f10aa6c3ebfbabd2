package io.meshwork.contracts.contract.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of UTF-16 characters as sorted, merged ranges: one pattern atom of {@link LinearPattern}
 * ({@code a}, {@code \d}, {@code [A-Z0-9_]}, {@code [^@\s]}, {@code .}).
 */
final class CharClass {

  private static final char MAX = Character.MAX_VALUE;

  /** Inclusive ranges, sorted and non-overlapping: starts[i]..ends[i]. */
  private final char[] starts;

  private final char[] ends;

  /** Membership of the 128 ASCII characters as a bitmap: the common case is one bit test. */
  private final long asciiLow;

  private final long asciiHigh;

  private CharClass(List<char[]> ranges) {
    List<char[]> merged = merge(ranges);
    starts = new char[merged.size()];
    ends = new char[merged.size()];
    for (int i = 0; i < merged.size(); i++) {
      starts[i] = merged.get(i)[0];
      ends[i] = merged.get(i)[1];
    }
    long low = 0;
    long high = 0;
    for (char c = 0; c < 128; c++) {
      if (containsSlow(c)) {
        if (c < 64) {
          low |= 1L << c;
        } else {
          high |= 1L << (c - 64);
        }
      }
    }
    asciiLow = low;
    asciiHigh = high;
  }

  boolean contains(char c) {
    if (c < 64) {
      return (asciiLow & (1L << c)) != 0;
    }
    if (c < 128) {
      return (asciiHigh & (1L << (c - 64))) != 0;
    }
    return containsSlow(c);
  }

  private boolean containsSlow(char c) {
    for (int i = 0; i < starts.length; i++) {
      if (c < starts[i]) {
        return false;
      }
      if (c <= ends[i]) {
        return true;
      }
    }
    return false;
  }

  boolean intersects(CharClass other) {
    int i = 0;
    int j = 0;
    while (i < starts.length && j < other.starts.length) {
      if (ends[i] < other.starts[j]) {
        i++;
      } else if (other.ends[j] < starts[i]) {
        j++;
      } else {
        return true;
      }
    }
    return false;
  }

  /** Parses one atom at {@code at[0]} and moves past it; null for anything not supported. */
  static CharClass parseAtom(String s, int[] at) {
    char c = s.charAt(at[0]);
    switch (c) {
      case '\\' -> {
        if (at[0] + 1 >= s.length()) {
          return null;
        }
        char escaped = s.charAt(at[0] + 1);
        at[0] += 2;
        List<char[]> ranges = shorthand(escaped);
        if (ranges != null) {
          return new CharClass(ranges);
        }
        return Character.isLetterOrDigit(escaped) ? null : single(escaped);
      }
      case '[' -> {
        return parseClass(s, at);
      }
      case '.' -> {
        at[0]++;
        return new CharClass(complement(List.of(new char[] {'\n', '\n'}, new char[] {'\r', '\r'})));
      }
      case '(', ')', '|', '*', '+', '?', '{', '}', '^', '$' -> {
        return null;
      }
      default -> {
        at[0]++;
        return single(c);
      }
    }
  }

  private static CharClass parseClass(String s, int[] at) {
    int i = at[0] + 1;
    boolean negated = i < s.length() && s.charAt(i) == '^';
    if (negated) {
      i++;
    }
    List<char[]> ranges = new ArrayList<>();
    boolean first = true;
    while (i < s.length() && (s.charAt(i) != ']' || first)) {
      first = false;
      char c = s.charAt(i);
      char low;
      if (c == '\\') {
        if (i + 1 >= s.length()) {
          return null;
        }
        char escaped = s.charAt(i + 1);
        List<char[]> shorthand = shorthand(escaped);
        i += 2;
        if (shorthand != null) {
          ranges.addAll(shorthand);
          continue;
        }
        if (Character.isLetterOrDigit(escaped)) {
          return null;
        }
        low = escaped;
      } else if (c == '[' || c == '&') {
        return null; // nested classes and intersections
      } else {
        low = c;
        i++;
      }
      if (i + 1 < s.length() && s.charAt(i) == '-' && s.charAt(i + 1) != ']') {
        char high = s.charAt(i + 1);
        if (high == '\\' || high < low) {
          return null;
        }
        ranges.add(new char[] {low, high});
        i += 2;
      } else {
        ranges.add(new char[] {low, low});
      }
    }
    if (i >= s.length()) {
      return null;
    }
    at[0] = i + 1;
    return new CharClass(negated ? complement(ranges) : ranges);
  }

  private static List<char[]> shorthand(char c) {
    List<char[]> digit = List.<char[]>of(new char[] {'0', '9'});
    List<char[]> word =
        List.of(
            new char[] {'0', '9'},
            new char[] {'A', 'Z'},
            new char[] {'_', '_'},
            new char[] {'a', 'z'});
    List<char[]> space = List.of(new char[] {'\t', '\r'}, new char[] {' ', ' '});
    return switch (c) {
      case 'd' -> digit;
      case 'D' -> complement(digit);
      case 'w' -> word;
      case 'W' -> complement(word);
      case 's' -> space;
      case 'S' -> complement(space);
      default -> null;
    };
  }

  private static CharClass single(char c) {
    return new CharClass(List.<char[]>of(new char[] {c, c}));
  }

  private static List<char[]> complement(List<char[]> ranges) {
    List<char[]> sorted = merge(ranges);
    List<char[]> result = new ArrayList<>();
    int next = 0;
    for (char[] range : sorted) {
      if (range[0] > next) {
        result.add(new char[] {(char) next, (char) (range[0] - 1)});
      }
      next = range[1] + 1;
    }
    if (next <= MAX) {
      result.add(new char[] {(char) next, MAX});
    }
    return result;
  }

  private static List<char[]> merge(List<char[]> ranges) {
    List<char[]> sorted = new ArrayList<>(ranges);
    sorted.sort((a, b) -> Character.compare(a[0], b[0]));
    List<char[]> merged = new ArrayList<>();
    for (char[] range : sorted) {
      if (!merged.isEmpty() && range[0] <= merged.get(merged.size() - 1)[1] + 1) {
        char[] last = merged.get(merged.size() - 1);
        last[1] = (char) Math.max(last[1], range[1]);
      } else {
        merged.add(new char[] {range[0], range[1]});
      }
    }
    return merged;
  }
}
