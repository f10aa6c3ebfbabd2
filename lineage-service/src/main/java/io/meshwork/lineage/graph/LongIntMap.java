package io.meshwork.lineage.graph;

import java.util.Arrays;

/** Database ids to dense indexes without boxing: open addressing, linear probing. */
final class LongIntMap {

  private static final long FREE = Long.MIN_VALUE;

  private long[] keys;
  private int[] values;
  private int size;

  LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(keys, FREE);
  }

  /** The index of {@code key}, or -1. */
  int get(long key) {
    int mask = keys.length - 1;
    for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
      long k = keys[slot];
      if (k == key) {
        return values[slot];
      }
      if (k == FREE) {
        return -1;
      }
    }
  }

  void put(long key, int value) {
    if (key == FREE) {
      throw new IllegalArgumentException("reserved key");
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
      if (keys[slot] == key) {
        values[slot] = value;
        return;
      }
      if (keys[slot] == FREE) {
        keys[slot] = key;
        values[slot] = value;
        size++;
        return;
      }
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(keys, FREE);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != FREE) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
