package io.cairn.l1.da;

import io.cairn.crypto.field.Felt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starknet's stateless DA compression (v0.13.3+, compression version 0): values are sorted into buckets by bit
 * length (252, 125, 83, 62, 31, 15), repeats become pointers, and everything is bit-packed into felts. Behaviour
 * follows cairo-lang's {@code data_availability/compression.py}, whose Cairo twin runs inside the OS.
 */
public final class StatelessCompression {
  private StatelessCompression() {}

  private static final int VERSION = 0;
  private static final int MAX_N_BITS = 251;
  private static final int[] BUCKET_BITS = {252, 125, 83, 62, 31, 15};
  private static final int N_UNIQUE_BUCKETS = BUCKET_BITS.length;
  private static final int TOTAL_BUCKETS = N_UNIQUE_BUCKETS + 1;
  private static final int HEADER_LEN = 2 + TOTAL_BUCKETS;
  private static final BigInteger HEADER_ELM_BOUND = BigInteger.ONE.shiftLeft(20);

  public static List<Felt> compress(List<Felt> data) {
    if (data.size() >= 1 << 20) throw new IllegalArgumentException("DA data too long to compress: " + data.size() + " words (limit 2^20 - 1)");
    List<List<BigInteger>> buckets = new ArrayList<>();
    List<Map<BigInteger, Integer>> indexOf = new ArrayList<>();
    for (int i = 0; i < N_UNIQUE_BUCKETS; i++) {
      buckets.add(new ArrayList<>());
      indexOf.add(new HashMap<>());
    }
    List<int[]> repeats = new ArrayList<>(); // (bucket, index in bucket) of the first copy
    List<BigInteger> bucketPerElement = new ArrayList<>(data.size());
    for (Felt f : data) {
      BigInteger v = f.toBigInteger();
      int bucket = N_UNIQUE_BUCKETS - 1;
      while (v.bitLength() > BUCKET_BITS[bucket]) bucket--; // smallest bucket that fits; 252 always does
      Integer seen = indexOf.get(bucket).get(v);
      if (seen != null) {
        repeats.add(new int[] {bucket, seen});
        bucketPerElement.add(BigInteger.valueOf(N_UNIQUE_BUCKETS));
      } else {
        indexOf.get(bucket).put(v, buckets.get(bucket).size());
        buckets.get(bucket).add(v);
        bucketPerElement.add(BigInteger.valueOf(bucket));
      }
    }
    int[] offsets = new int[N_UNIQUE_BUCKETS];
    int nUnique = 0;
    for (int i = 0; i < N_UNIQUE_BUCKETS; i++) {
      offsets[i] = nUnique;
      nUnique += buckets.get(i).size();
    }
    List<BigInteger> header = new ArrayList<>();
    header.add(BigInteger.valueOf(VERSION));
    header.add(BigInteger.valueOf(data.size()));
    for (List<BigInteger> b : buckets) header.add(BigInteger.valueOf(b.size()));
    header.add(BigInteger.valueOf(repeats.size()));
    List<BigInteger> pointers = new ArrayList<>(repeats.size());
    for (int[] r : repeats) pointers.add(BigInteger.valueOf(offsets[r[0]] + r[1]));

    List<Felt> out = new ArrayList<>();
    out.addAll(pack(header, HEADER_ELM_BOUND));
    for (int i = 0; i < N_UNIQUE_BUCKETS; i++) out.addAll(pack(buckets.get(i), BigInteger.ONE.shiftLeft(BUCKET_BITS[i])));
    out.addAll(pack(pointers, BigInteger.valueOf(nUnique)));
    out.addAll(pack(bucketPerElement, BigInteger.valueOf(TOTAL_BUCKETS)));
    return out;
  }

  /** Inverse of {@link #compress}; the input must be exactly one compressed block. */
  public static List<Felt> decompress(List<Felt> compressed) {
    Reader r = new Reader(compressed);
    List<BigInteger> header = r.unpack(HEADER_LEN, HEADER_ELM_BOUND);
    if (header.get(0).signum() != VERSION) {
      throw new IllegalArgumentException("DA word 0: unsupported compression version " + header.get(0));
    }
    int dataLen = header.get(1).intValueExact();
    int[] lengths = new int[TOTAL_BUCKETS];
    for (int i = 0; i < TOTAL_BUCKETS; i++) lengths[i] = header.get(2 + i).intValueExact();
    List<BigInteger> values = new ArrayList<>();
    for (int i = 0; i < N_UNIQUE_BUCKETS; i++) values.addAll(r.unpack(lengths[i], BigInteger.ONE.shiftLeft(BUCKET_BITS[i])));
    int nUnique = values.size();
    for (BigInteger p : r.unpack(lengths[N_UNIQUE_BUCKETS], BigInteger.valueOf(nUnique))) {
      if (p.compareTo(BigInteger.valueOf(nUnique)) >= 0) throw new IllegalArgumentException("DA: repeat pointer " + p + " out of " + nUnique + " unique values");
      values.add(values.get(p.intValue()));
    }
    List<BigInteger> bucketPerElement = r.unpack(dataLen, BigInteger.valueOf(TOTAL_BUCKETS));
    if (r.position != compressed.size()) {
      throw new IllegalArgumentException("DA: " + (compressed.size() - r.position) + " trailing words after the compressed block");
    }
    int[] next = new int[TOTAL_BUCKETS];
    for (int i = 1; i < TOTAL_BUCKETS; i++) next[i] = next[i - 1] + lengths[i - 1];
    int[] limit = new int[TOTAL_BUCKETS];
    for (int i = 0; i < TOTAL_BUCKETS; i++) limit[i] = next[i] + lengths[i];
    List<Felt> data = new ArrayList<>(dataLen);
    for (BigInteger b : bucketPerElement) {
      int bucket = b.intValue();
      if (next[bucket] >= limit[bucket]) throw new IllegalArgumentException("DA: bucket " + bucket + " has fewer values than its elements refer to");
      data.add(Felt.of(values.get(next[bucket]++)));
    }
    return data;
  }

  static int elementsPerFelt(BigInteger bound) {
    if (bound.compareTo(BigInteger.ONE) <= 0) return MAX_N_BITS;
    if (bound.compareTo(BigInteger.ONE.shiftLeft(MAX_N_BITS)) > 0) return 1;
    int log2Ceil = bound.subtract(BigInteger.ONE).bitLength();
    return MAX_N_BITS / log2Ceil;
  }

  private static List<Felt> pack(List<BigInteger> elements, BigInteger bound) {
    int perFelt = elementsPerFelt(bound);
    List<Felt> out = new ArrayList<>((elements.size() + perFelt - 1) / perFelt);
    for (int start = 0; start < elements.size(); start += perFelt) {
      BigInteger packed = BigInteger.ZERO;
      for (int i = Math.min(elements.size(), start + perFelt) - 1; i >= start; i--) packed = packed.multiply(bound).add(elements.get(i));
      out.add(Felt.of(packed));
    }
    return out;
  }

  private static final class Reader {
    final List<Felt> words;
    int position;

    Reader(List<Felt> words) {
      this.words = words;
    }

    List<BigInteger> unpack(int n, BigInteger bound) {
      int perFelt = elementsPerFelt(bound);
      int nFelts = (n + perFelt - 1) / perFelt;
      if (position + nFelts > words.size()) {
        throw new IllegalArgumentException("DA word " + position + ": needs " + nFelts + " packed words, only " + (words.size() - position) + " left");
      }
      List<BigInteger> out = new ArrayList<>(nFelts * perFelt);
      for (int k = 0; k < nFelts; k++) {
        BigInteger packed = words.get(position++).toBigInteger();
        for (int i = 0; i < perFelt; i++) {
          BigInteger[] qr = packed.divideAndRemainder(bound.signum() == 0 ? BigInteger.ONE : bound);
          out.add(qr[1]);
          packed = qr[0];
        }
        if (packed.signum() != 0) throw new IllegalArgumentException("DA word " + (position - 1) + ": packed value exceeds its elements");
      }
      return out.subList(0, n);
    }
  }
}
