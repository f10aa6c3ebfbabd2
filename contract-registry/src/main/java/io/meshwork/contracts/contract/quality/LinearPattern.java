package io.meshwork.contracts.contract.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A fast path for the patterns data contracts mostly use: fully anchored sequences of characters
 * and character classes with counts, such as {@code ^ORD-[0-9]{8}$} or {@code ^[^@\s]+@[^@\s]+$}.
 * When no repeated class can overlap with what follows it, greedy matching never needs to back
 * track, so a match is one pass over the string with no allocation. Every other pattern (groups,
 * alternation, unanchored, overlapping classes) is left to {@link java.util.regex.Pattern}: {@link
 * #compile} returns empty for them.
 */
final class LinearPattern implements Predicate<String> {

  private record Atom(CharClass chars, int min, int max) {}

  private final Atom[] atoms;

  private LinearPattern(Atom[] atoms) {
    this.atoms = atoms;
  }

  static Optional<LinearPattern> compile(String regex) {
    if (regex.length() < 2
        || regex.charAt(0) != '^'
        || regex.charAt(regex.length() - 1) != '$'
        || regex.endsWith("\\$")) {
      return Optional.empty();
    }
    List<Atom> atoms = new ArrayList<>();
    String body = regex.substring(1, regex.length() - 1);
    int[] at = {0};
    while (at[0] < body.length()) {
      CharClass chars = CharClass.parseAtom(body, at);
      if (chars == null) {
        return Optional.empty();
      }
      int min = 1;
      int max = 1;
      if (at[0] < body.length()) {
        char q = body.charAt(at[0]);
        if (q == '*' || q == '+' || q == '?') {
          min = q == '+' ? 1 : 0;
          max = q == '?' ? 1 : Integer.MAX_VALUE;
          at[0]++;
        } else if (q == '{') {
          int close = body.indexOf('}', at[0]);
          if (close < 0) {
            return Optional.empty();
          }
          String[] bounds = body.substring(at[0] + 1, close).split(",", -1);
          try {
            min = Integer.parseInt(bounds[0].trim());
            max =
                bounds.length == 1
                    ? min
                    : bounds[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1].trim());
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
          if (bounds.length > 2 || min > max) {
            return Optional.empty();
          }
          at[0] = close + 1;
        }
        if (at[0] < body.length()
            && (body.charAt(at[0]) == '?' || body.charAt(at[0]) == '+')
            && max != 1) {
          return Optional.empty(); // lazy or possessive quantifiers
        }
      }
      atoms.add(new Atom(chars, min, max));
    }
    // Greedy without backtracking is exact only if a repeated class cannot eat what may follow.
    for (int i = 0; i < atoms.size(); i++) {
      Atom atom = atoms.get(i);
      if (atom.min() == atom.max()) {
        continue;
      }
      for (int j = i + 1; j < atoms.size(); j++) {
        if (atom.chars().intersects(atoms.get(j).chars())) {
          return Optional.empty();
        }
        if (atoms.get(j).min() > 0) {
          break;
        }
      }
    }
    return Optional.of(new LinearPattern(atoms.toArray(Atom[]::new)));
  }

  @Override
  public boolean test(String text) {
    int position = 0;
    int length = text.length();
    for (Atom atom : atoms) {
      int count = 0;
      while (count < atom.max()
          && position < length
          && atom.chars().contains(text.charAt(position))) {
        position++;
        count++;
      }
      if (count < atom.min()) {
        return false;
      }
    }
    return position == length;
  }
}
