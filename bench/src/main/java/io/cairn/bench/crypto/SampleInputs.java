package io.cairn.bench.crypto;

import io.cairn.crypto.ec.Ecdsa;
import io.cairn.crypto.field.Felt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A pool of random inputs, each held both as our {@link Felt} and as starknet-jvm's, so both libraries get the same
 * work: hash operands, ten-element lists, private keys with their public keys, and messages signed by us.
 */
final class SampleInputs {
  final int size;
  final Felt[] a, b, keys, pubs, msgs;
  final Ecdsa.Signature[] sigs;
  final List<List<Felt>> tens = new ArrayList<>();
  final com.swmansion.starknet.data.types.Felt[] ja, jb, jkeys, jpubs, jmsgs, jr, js;
  final List<List<com.swmansion.starknet.data.types.Felt>> jtens = new ArrayList<>();

  SampleInputs(int size, long seed) {
    this.size = size;
    a = new Felt[size];
    b = new Felt[size];
    keys = new Felt[size];
    pubs = new Felt[size];
    msgs = new Felt[size];
    sigs = new Ecdsa.Signature[size];
    ja = new com.swmansion.starknet.data.types.Felt[size];
    jb = new com.swmansion.starknet.data.types.Felt[size];
    jkeys = new com.swmansion.starknet.data.types.Felt[size];
    jpubs = new com.swmansion.starknet.data.types.Felt[size];
    jmsgs = new com.swmansion.starknet.data.types.Felt[size];
    jr = new com.swmansion.starknet.data.types.Felt[size];
    js = new com.swmansion.starknet.data.types.Felt[size];
    Random rnd = new Random(seed);
    for (int k = 0; k < size; k++) {
      a[k] = Felt.fromBigIntegerReduced(new BigInteger(252, rnd));
      b[k] = Felt.fromBigIntegerReduced(new BigInteger(252, rnd));
      keys[k] = Felt.of(new BigInteger(250, rnd).add(BigInteger.ONE));
      msgs[k] = Felt.of(new BigInteger(251, rnd));
      pubs[k] = Ecdsa.publicKey(keys[k]);
      sigs[k] = Ecdsa.sign(keys[k], msgs[k]);
      ja[k] = jvm(a[k]);
      jb[k] = jvm(b[k]);
      jkeys[k] = jvm(keys[k]);
      jpubs[k] = jvm(pubs[k]);
      jmsgs[k] = jvm(msgs[k]);
      jr[k] = jvm(sigs[k].r());
      js[k] = jvm(sigs[k].s());
      List<Felt> ten = new ArrayList<>();
      List<com.swmansion.starknet.data.types.Felt> jten = new ArrayList<>();
      for (int e = 0; e < 10; e++) {
        Felt f = Felt.fromBigIntegerReduced(new BigInteger(252, rnd));
        ten.add(f);
        jten.add(jvm(f));
      }
      tens.add(ten);
      jtens.add(jten);
    }
  }

  static com.swmansion.starknet.data.types.Felt jvm(Felt f) {
    return new com.swmansion.starknet.data.types.Felt(f.toBigInteger());
  }
}
