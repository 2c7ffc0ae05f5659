package io.cairn.state;

import io.cairn.crypto.field.Felt;
import io.cairn.state.trie.TrieNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The byte layouts of the state store's keys and values (see {@link io.cairn.state.kv.Column}). */
final class Codec {
  private Codec() {}

  static byte[] felt(Felt f) {
    return f.toBytesBE();
  }

  static Felt felt(byte[] b, int off) {
    return Felt.fromBytesBE(b, off, 32);
  }

  /** Big-endian without leading zero bytes: 0 is the empty array. */
  static byte[] trimmed(Felt f) {
    byte[] b = f.toBytesBE();
    int i = 0;
    while (i < 32 && b[i] == 0) i++;
    byte[] r = new byte[32 - i];
    System.arraycopy(b, i, r, 0, r.length);
    return r;
  }

  static Felt untrimmed(byte[] b) {
    return b.length == 0 ? Felt.ZERO : Felt.fromBytesBE(b, 0, b.length);
  }

  static byte[] block(long n) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) b[i] = (byte) (n >>> (56 - 8 * i));
    return b;
  }

  static long block(byte[] b, int off) {
    long n = 0;
    for (int i = 0; i < 8; i++) n = (n << 8) | (b[off + i] & 0xff);
    return n;
  }

  /** Later blocks sort first, so a seek from (prefix ‖ ~n) lands on the latest version at or before n. */
  static byte[] inverted(long n) {
    return block(~n);
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) n += p.length;
    byte[] r = new byte[n];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, r, o, p.length);
      o += p.length;
    }
    return r;
  }

  // ---------------------------------------------------------------------------------------------
  // Trie nodes: binary = 0 ‖ left ‖ right; edge = length ‖ child ‖ path (⌈length/8⌉ bytes, big-endian)

  static byte[] node(TrieNode n) {
    if (n instanceof TrieNode.Binary b) {
      byte[] r = new byte[65];
      System.arraycopy(b.left().toBytesBE(), 0, r, 1, 32);
      System.arraycopy(b.right().toBytesBE(), 0, r, 33, 32);
      return r;
    }
    TrieNode.Edge e = (TrieNode.Edge) n;
    int pathBytes = (e.length() + 7) >>> 3;
    byte[] r = new byte[33 + pathBytes];
    r[0] = (byte) e.length();
    System.arraycopy(e.child().toBytesBE(), 0, r, 1, 32);
    System.arraycopy(e.path().toBytesBE(), 32 - pathBytes, r, 33, pathBytes);
    return r;
  }

  static TrieNode node(byte[] b) {
    int len = b[0] & 0xff;
    if (len == 0) return new TrieNode.Binary(felt(b, 1), felt(b, 33));
    return new TrieNode.Edge(felt(b, 1), Felt.fromBytesBE(b, 33, b.length - 33), len);
  }

  // ---------------------------------------------------------------------------------------------
  // State diffs

  private static final int DIFF_FORMAT = 1;

  static byte[] diff(StateDiff d) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(DIFF_FORMAT);
      out.writeInt(d.storage().size());
      for (Map.Entry<Felt, Map<Felt, Felt>> c : d.storage().entrySet()) {
        out.write(felt(c.getKey()));
        pairs(out, c.getValue());
      }
      pairs(out, d.nonces());
      pairs(out, d.deployedContracts());
      pairs(out, d.replacedClasses());
      pairs(out, d.declaredClasses());
      out.writeInt(d.deprecatedDeclaredClasses().size());
      for (Felt f : d.deprecatedDeclaredClasses()) out.write(felt(f));
      pairs(out, d.migratedCompiledClasses());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void pairs(DataOutputStream out, Map<Felt, Felt> m) throws IOException {
    out.writeInt(m.size());
    for (Map.Entry<Felt, Felt> e : m.entrySet()) {
      out.write(felt(e.getKey()));
      out.write(felt(e.getValue()));
    }
  }

  static StateDiff diff(byte[] b) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
      int format = in.readUnsignedByte();
      if (format != DIFF_FORMAT) throw new IllegalStateException("unknown state-diff format " + format);
      Map<Felt, Map<Felt, Felt>> storage = new TreeMap<>();
      int n = in.readInt();
      for (int i = 0; i < n; i++) storage.put(readFelt(in), readPairs(in));
      Map<Felt, Felt> nonces = readPairs(in), deployed = readPairs(in), replaced = readPairs(in);
      Map<Felt, Felt> declared = readPairs(in);
      int m = in.readInt();
      List<Felt> deprecated = new ArrayList<>(m);
      for (int i = 0; i < m; i++) deprecated.add(readFelt(in));
      Map<Felt, Felt> migrated = readPairs(in);
      return new StateDiff(storage, nonces, deployed, replaced, declared, deprecated, migrated);
    } catch (IOException e) {
      throw new IllegalStateException("corrupt stored state diff", e);
    }
  }

  private static Felt readFelt(DataInputStream in) throws IOException {
    byte[] b = new byte[32];
    in.readFully(b);
    return Felt.fromBytesBE(b);
  }

  private static Map<Felt, Felt> readPairs(DataInputStream in) throws IOException {
    Map<Felt, Felt> m = new TreeMap<>();
    int n = in.readInt();
    for (int i = 0; i < n; i++) m.put(readFelt(in), readFelt(in));
    return m;
  }
}
