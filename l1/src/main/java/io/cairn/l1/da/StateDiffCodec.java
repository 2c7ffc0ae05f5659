package io.cairn.l1.da;

import io.cairn.crypto.field.Felt;
import io.cairn.starknet.block.BlockData.StateDiff;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The DA segment of an OS output, Starknet 0.13.3 style: the packed 0.13.2 state diff, stateless-compressed.
 *
 * <p>Packed diff: {@code n_contracts}, then per contract {@code address, info, [new_class_hash], (key, value)…}, then
 * {@code n_classes, (class_hash, compiled_class_hash)…}. The info word is, from the least significant bit: the
 * class-changed flag, the "fewer than 256 updates" flag, the update count (8 or 64 bits), then the new nonce (0 when
 * unchanged). This follows cairo-lang's {@code os/state/output.cairo}, not the docs page that draws the flags swapped.
 *
 * <p>The diff is the block's {@link StateDiff}: a contract's class changed when it is in {@code deployedContracts}
 * (deploys and replace_class alike), its nonce when it is in {@code nonces}. Cairo 0 declarations
 * ({@code deprecatedDeclaredClasses}) are not part of the DA, and a contract with nothing changed is left out, as the OS
 * leaves it out.
 */
public final class StateDiffCodec {
  private StateDiffCodec() {}

  private static final BigInteger SMALL_BOUND = BigInteger.ONE.shiftLeft(8);
  private static final BigInteger LARGE_BOUND = BigInteger.ONE.shiftLeft(64);

  /** A diff that changes nothing. */
  public static StateDiff empty() {
    return new StateDiff(new TreeMap<>(), new TreeMap<>(), List.of(), new TreeMap<>(), new TreeMap<>());
  }

  /** The DA words for an OS output: compress(pack(diff)). */
  public static List<Felt> encode(StateDiff diff) {
    return StatelessCompression.compress(pack(diff));
  }

  /** Rebuilds the diff from the DA words of an OS output. */
  public static StateDiff decode(List<Felt> da) {
    return unpack(StatelessCompression.decompress(da));
  }

  public static List<Felt> pack(StateDiff diff) {
    TreeSet<Felt> contracts = new TreeSet<>(diff.storageDiffs().keySet());
    contracts.addAll(diff.nonces().keySet());
    contracts.addAll(diff.deployedContracts().keySet());
    List<Felt> w = new ArrayList<>();
    int countAt = w.size();
    w.add(Felt.ZERO);
    int n = 0;
    for (Felt address : contracts) {
      SortedMap<Felt, Felt> storage = diff.storageDiffs().getOrDefault(address, new TreeMap<>());
      Felt newNonce = diff.nonces().get(address);
      Felt newClassHash = diff.deployedContracts().get(address);
      if (storage.isEmpty() && newNonce == null && newClassHash == null) continue;
      int nUpdates = storage.size();
      boolean small = nUpdates < 256;
      BigInteger nonce = newNonce == null ? BigInteger.ZERO : newNonce.toBigInteger();
      if (nonce.bitLength() > 64) throw new IllegalArgumentException("contract " + address.toHex() + ": nonce " + nonce + " does not fit in 64 bits");
      BigInteger info = nonce.multiply(small ? SMALL_BOUND : LARGE_BOUND).add(BigInteger.valueOf(nUpdates));
      info = info.shiftLeft(1).add(small ? BigInteger.ONE : BigInteger.ZERO);
      info = info.shiftLeft(1).add(newClassHash != null ? BigInteger.ONE : BigInteger.ZERO);
      w.add(address);
      w.add(Felt.of(info));
      if (newClassHash != null) w.add(newClassHash);
      for (Map.Entry<Felt, Felt> s : storage.entrySet()) {
        w.add(s.getKey());
        w.add(s.getValue());
      }
      n++;
    }
    w.set(countAt, Felt.of(n));
    w.add(Felt.of(diff.declaredClasses().size()));
    for (Map.Entry<Felt, Felt> e : diff.declaredClasses().entrySet()) {
      w.add(e.getKey());
      w.add(e.getValue());
    }
    return w;
  }

  public static StateDiff unpack(List<Felt> w) {
    int[] at = {0};
    long nContracts = count(w, at, "n_contracts");
    TreeMap<Felt, Felt> deployed = new TreeMap<>();
    TreeMap<Felt, Felt> nonces = new TreeMap<>();
    TreeMap<Felt, SortedMap<Felt, Felt>> storageDiffs = new TreeMap<>();
    for (long i = 0; i < nContracts; i++) {
      Felt address = next(w, at, "contract address");
      int infoAt = at[0];
      BigInteger info = next(w, at, "contract info word").toBigInteger();
      boolean classChanged = info.testBit(0);
      boolean small = info.testBit(1);
      BigInteger[] qr = info.shiftRight(2).divideAndRemainder(small ? SMALL_BOUND : LARGE_BOUND);
      if (qr[0].bitLength() > 64) throw new IllegalArgumentException("DA diff word " + infoAt + ": nonce does not fit in 64 bits");
      long nUpdates = qr[1].longValue();
      if (classChanged) deployed.put(address, next(w, at, "new class hash"));
      if (qr[0].signum() != 0) nonces.put(address, Felt.of(qr[0]));
      TreeMap<Felt, Felt> storage = new TreeMap<>();
      for (long k = 0; k < nUpdates; k++) storage.put(next(w, at, "storage key"), next(w, at, "storage value"));
      if (!storage.isEmpty()) storageDiffs.put(address, storage);
    }
    long nClasses = count(w, at, "n_classes");
    TreeMap<Felt, Felt> classes = new TreeMap<>();
    for (long i = 0; i < nClasses; i++) classes.put(next(w, at, "class hash"), next(w, at, "compiled class hash"));
    if (at[0] != w.size()) throw new IllegalArgumentException("DA diff: " + (w.size() - at[0]) + " trailing words after word " + at[0]);
    return new StateDiff(deployed, classes, List.of(), storageDiffs, nonces);
  }

  private static Felt next(List<Felt> w, int[] at, String what) {
    if (at[0] >= w.size()) throw new IllegalArgumentException("DA diff ends at word " + at[0] + " where a " + what + " was expected");
    return w.get(at[0]++);
  }

  private static long count(List<Felt> w, int[] at, String what) {
    Felt f = next(w, at, what);
    if (!f.fitsInLong() || f.longValueExact() > w.size()) throw new IllegalArgumentException("DA diff word " + (at[0] - 1) + ": " + what + " " + f.toHex() + " exceeds the data");
    return f.longValueExact();
  }
}
