package io.cairn.lang.stdlib;

import static io.cairn.lang.stdlib.StdlibRunner.failsWith;
import static io.cairn.lang.stdlib.StdlibRunner.ints;
import static io.cairn.lang.stdlib.StdlibRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.crypto.hash.Poseidon;
import java.math.BigInteger;
import io.cairn.vm.hints.Hint;
import io.cairn.vm.hints.cairn.CairnHints;
import io.cairn.vm.memory.VmError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * cairn.common hashes (checked against the crypto module), bitwise, dicts and squashing, usort, find_element,
 * registers and segments.
 */
class DataLibraryTest {
  private static BigInteger signed(Felt f) {
    return f.toSignedBigInteger();
  }

  @Test
  void pedersenHashesMatchTheCryptoModule() {
    List<BigInteger> out = run("""
        %builtins output pedersen
        from cairn.common.cairo_builtins import HashBuiltin
        from cairn.common.hash import hash2
        from cairn.common.hash_state import hash_init, hash_update, hash_update_single, hash_finalize, hash_felts, hash_felts_no_padding
        from cairn.common.serialize import serialize_word
        from cairn.common.alloc import alloc

        func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*}() {
            alloc_locals;
            let hash_ptr = pedersen_ptr;
            with hash_ptr {
                let (h) = hash2(1, 2);
                serialize_word(h);
                let (data) = alloc();
                assert data[0] = 10;
                assert data[1] = 20;
                assert data[2] = 30;
                let (h) = hash_felts(data, 3);
                serialize_word(h);
                let (state) = hash_init();
                let (state) = hash_update(state, data, 2);
                let (state) = hash_update_single(state, 30);
                let (h) = hash_finalize(state);
                serialize_word(h);
                let (h) = hash_felts_no_padding(data, 3, 0);
                serialize_word(h);
            }
            let pedersen_ptr = hash_ptr;
            return ();
        }
        """);
    Felt onElements = Pedersen.hashOnElements(Felt.of(10), Felt.of(20), Felt.of(30));
    Felt chain = Pedersen.hash(Pedersen.hash(Pedersen.hash(Felt.ZERO, Felt.of(10)), Felt.of(20)), Felt.of(30));
    assertEquals(List.of(signed(Pedersen.hash(Felt.of(1), Felt.of(2))), signed(onElements), signed(onElements), signed(chain)), out);
  }

  @Test
  void poseidonHashesMatchTheCryptoModule() {
    List<BigInteger> out = run("""
        %builtins output poseidon
        from cairn.common.cairo_builtins import PoseidonBuiltin
        from cairn.common.builtin_poseidon.poseidon import poseidon_hash, poseidon_hash_single, poseidon_hash_many
        from cairn.common.serialize import serialize_word
        from cairn.common.alloc import alloc

        func main{output_ptr: felt*, poseidon_ptr: PoseidonBuiltin*}() {
            alloc_locals;
            let (h) = poseidon_hash(1, 2);
            serialize_word(h);
            let (h) = poseidon_hash_single(7);
            serialize_word(h);
            let (data) = alloc();
            assert data[0] = 1;
            assert data[1] = 2;
            assert data[2] = 3;
            let (h) = poseidon_hash_many(3, data);
            serialize_word(h);
            let (h) = poseidon_hash_many(2, data);
            serialize_word(h);
            let (h) = poseidon_hash_many(0, data);
            serialize_word(h);
            return ();
        }
        """);
    assertEquals(List.of(
        signed(Poseidon.hash(Felt.of(1), Felt.of(2))),
        signed(Poseidon.hashSingle(Felt.of(7))),
        signed(Poseidon.hashMany(Felt.of(1), Felt.of(2), Felt.of(3))),
        signed(Poseidon.hashMany(Felt.of(1), Felt.of(2))),
        signed(Poseidon.hashMany())), out);
  }

  @Test
  void bitwiseOperations() {
    List<BigInteger> out = run("""
        %builtins output bitwise
        from cairn.common.cairo_builtins import BitwiseBuiltin
        from cairn.common.bitwise import bitwise_and, bitwise_xor, bitwise_or, bitwise_operations, bitwise_not
        from cairn.common.serialize import serialize_word

        func main{output_ptr: felt*, bitwise_ptr: BitwiseBuiltin*}() {
            let (a) = bitwise_and(12, 10);
            serialize_word(a);
            let (x) = bitwise_xor(12, 10);
            serialize_word(x);
            let (o) = bitwise_or(12, 10);
            serialize_word(o);
            let (a, x, o) = bitwise_operations(5, 3);
            serialize_word(a + 10 * x + 100 * o);
            let (n) = bitwise_not(0);
            serialize_word(n);
            return ();
        }
        """);
    assertEquals(ints(8, 6, 14, 1 + 60 + 700).subList(0, 4), out.subList(0, 4));
    assertEquals(BigInteger.ONE.shiftLeft(251).subtract(BigInteger.ONE).subtract(io.cairn.vm.memory.Field.P), out.get(4));
  }

  private static final String DICT_HEADER = """
      %builtins output range_check
      from cairn.common.dict import dict_new, dict_read, dict_write, dict_update, dict_squash
      from cairn.common.default_dict import default_dict_new, default_dict_finalize
      from cairn.common.dict_access import DictAccess
      from cairn.common.squash_dict import squash_dict
      from cairn.common.serialize import serialize_word
      from cairn.common.alloc import alloc
      """;

  @Test
  void dictsReadWriteAndSquash() {
    List<BigInteger> out = run(DICT_HEADER + """
        func main{output_ptr: felt*, range_check_ptr}() {
            alloc_locals;
            let (d) = default_dict_new(default_value=7);
            let dict_ptr = d;
            with dict_ptr {
                let (v) = dict_read(key=5);
                serialize_word(v);
                dict_write(key=5, new_value=50);
                dict_write(key=2, new_value=20);
                dict_update(key=5, prev_value=50, new_value=51);
                let (v) = dict_read(key=5);
                serialize_word(v);
                let (v) = dict_read(key=2 ** 200);
                serialize_word(v);
            }
            let (start, end) = default_dict_finalize(d, dict_ptr, 7);
            // Keys in increasing order: 2, 5, 2**200 (big keys take the felt comparison).
            serialize_word((cast(end, felt) - cast(start, felt)) / DictAccess.SIZE);
            serialize_word(start[0].key);
            serialize_word(start[0].prev_value);
            serialize_word(start[0].new_value);
            serialize_word(start[1].key);
            serialize_word(start[1].prev_value);
            serialize_word(start[1].new_value);
            serialize_word(start[2].new_value);
            return ();
        }
        """);
    assertEquals(ints(7, 51, 7, 3, 2, 7, 20, 5, 7, 51, 7), out);
  }

  @Test
  void squashRejectsAnInconsistentLog() {
    // A hand-written log: key 1 goes 0 -> 5, then claims to start from 6.
    failsWith(DICT_HEADER + """
        func main{output_ptr: felt*, range_check_ptr}() {
            alloc_locals;
            let (log: DictAccess*) = alloc();
            assert log[0] = DictAccess(key=1, prev_value=0, new_value=5);
            assert log[1] = DictAccess(key=1, prev_value=6, new_value=7);
            let (out: DictAccess*) = alloc();
            let (end) = squash_dict(log, log + 2 * DictAccess.SIZE, out);
            return ();
        }
        """, "squash_dict: an access does not start from the value its key holds.");
    failsWith(DICT_HEADER + """
        func main{output_ptr: felt*, range_check_ptr}() {
            let (d) = dict_new();
            let dict_ptr = d;
            with dict_ptr {
                let (v) = dict_read(key=1);
            }
            return ();
        }
        """, "KeyError");
    failsWith(DICT_HEADER + """
        func main{output_ptr: felt*, range_check_ptr}() {
            let (d) = default_dict_new(0);
            let dict_ptr = d;
            with dict_ptr {
                dict_update(key=1, prev_value=3, new_value=4);
            }
            return ();
        }
        """, "dict_update: key 1 holds 0, not 3.");
  }

  @Test
  void aDishonestRunCannotReuseOrSkipAccesses() {
    String program = DICT_HEADER + """
        func main{output_ptr: felt*, range_check_ptr}() {
            alloc_locals;
            let (log: DictAccess*) = alloc();
            assert log[0] = DictAccess(key=1, prev_value=0, new_value=5);
            assert log[1] = DictAccess(key=1, prev_value=5, new_value=7);
            assert log[2] = DictAccess(key=2, prev_value=0, new_value=1);
            let (out: DictAccess*) = alloc();
            let (end) = squash_dict(log, log + 3 * DictAccess.SIZE, out);
            return ();
        }
        """;
    run(program);
    // Naming access 0 twice for key 1: the index must grow.
    Hint repeatIndex = c -> {
      List<Long> pending = c.scopeGet("cairn_pending");
      c.set("more", pending.isEmpty() ? 0 : 1);
      if (!pending.isEmpty()) {
        pending.remove(pending.size() - 1);
        c.set("index", c.getInt("last_index"));
      }
    };
    failsWith(program, Map.of(CairnHints.SQUASH_NEXT_INDEX, repeatIndex), "is out of range");
    // Claiming key 1 has no second access: the count never reaches the log's length.
    Hint stopEarly = c -> c.set("more", 0);
    failsWith(program, Map.of(CairnHints.SQUASH_NEXT_INDEX, stopEarly), "squash_dict: accesses remain but no keys are left.");
  }

  @Test
  void usortSortsAndCounts() {
    List<BigInteger> out = run("""
        %builtins output range_check
        from cairn.common.usort import usort
        from cairn.common.serialize import serialize_word
        from cairn.common.alloc import alloc

        func main{output_ptr: felt*, range_check_ptr}() {
            alloc_locals;
            let (input) = alloc();
            assert input[0] = 9;
            assert input[1] = 3;
            assert input[2] = 9;
            assert input[3] = 0;
            assert input[4] = 9;
            let (n, values, counts) = usort(5, input);
            serialize_word(n);
            serialize_word(values[0]);
            serialize_word(values[1]);
            serialize_word(values[2]);
            serialize_word(counts[0]);
            serialize_word(counts[1]);
            serialize_word(counts[2]);
            return ();
        }
        """);
    assertEquals(ints(3, 0, 3, 9, 1, 1, 3), out);
  }

  @Test
  void findElementAndSortedSearch() {
    String header = """
        %builtins output range_check
        from cairn.common.find_element import find_element, search_sorted_lower, search_sorted, search_sorted_optimistic
        from cairn.common.serialize import serialize_word
        from cairn.common.alloc import alloc

        func main{output_ptr: felt*, range_check_ptr}() {
            alloc_locals;
            let (array) = alloc();
            assert array[0] = 10;
            assert array[1] = 100;
            assert array[2] = 20;
            assert array[3] = 200;
            assert array[4] = 30;
            assert array[5] = 300;
        """;
    List<BigInteger> out = run(header + """
            let (e) = find_element(array, 2, 3, 20);
            serialize_word(e[1]);
            let (e) = search_sorted_lower(array, 2, 3, 25);
            serialize_word(e[1]);
            let (e) = search_sorted_lower(array, 2, 3, 31);
            serialize_word(e - array);
            let (e, found) = search_sorted(array, 2, 3, 30);
            serialize_word(found);
            let (e, found) = search_sorted(array, 2, 3, 15);
            serialize_word(found);
            let (e, found) = search_sorted_optimistic(array, 2, 3, 20);
            serialize_word(e[1] + found);
            let (e, found) = search_sorted_optimistic(array, 2, 3, 25);
            serialize_word(e[1] + found);
            return ();
        }
        """);
    assertEquals(ints(200, 300, 6, 1, 0, 201, 100), out);
    failsWith(header + """
            let (e) = find_element(array, 2, 3, 21);
            return ();
        }
        """, "find_element: key 21 was not found.");
  }

  @Test
  void labelsAndSegmentRelocation() {
    String program = """
        %builtins output
        from cairn.common.registers import get_label_location, get_fp_and_pc, get_ap
        from cairn.common.segments import relocate_segment
        from cairn.common.serialize import serialize_word
        from cairn.common.alloc import alloc

        func target() {
            ret;
        }

        func main{output_ptr: felt*}() {
            alloc_locals;
            let (loc) = get_label_location(target);
            let (fp_val, pc_val) = get_fp_and_pc();
            // pc_val is main's return address, past target.
            let (ap_val) = get_ap();
            serialize_word(pc_val - loc);
            let (dest) = alloc();
            local temp: felt*;
            %{ ids.temp = segments.add_temp_segment() %}
            assert temp[0] = 42;
            relocate_segment(temp, dest);
            // After the run the temporary cell lands on dest[0]: the same value is consistent.
            assert dest[0] = VALUE;
            return ();
        }
        """;
    Map<String, Hint> tempSegment = Map.of("ids.temp = segments.add_temp_segment()", c -> c.set("temp", c.addTempSegment()));
    List<BigInteger> out = run(program.replace("VALUE", "42"), tempSegment);
    assertEquals(1, out.size());
    assertTrue(out.get(0).signum() > 0, "return pc is after target: " + out);
    String err = assertThrows(VmError.class, () -> run(program.replace("VALUE", "43"), tempSegment)).getMessage();
    assertTrue(err.contains("Inconsistent memory"), err);
  }

  @Test
  void foldsAndSerializesThroughACallback() {
    List<BigInteger> out = run("""
        %builtins output
        from cairn.common.serialize import serialize_word, serialize_array, array_rfold
        from cairn.common.registers import get_label_location
        from cairn.common.alloc import alloc

        struct Pair {
            a: felt,
            b: felt,
        }

        func emit_pair{output_ptr: felt*}(p: Pair*) {
            serialize_word(p.a * 10 + p.b);
            return ();
        }

        func add_b(value, p: Pair*) -> felt {
            return value + p.b;
        }

        func main{output_ptr: felt*}() {
            alloc_locals;
            let (pairs: Pair*) = alloc();
            assert pairs[0] = Pair(a=1, b=2);
            assert pairs[1] = Pair(a=3, b=4);
            let (emit) = get_label_location(emit_pair);
            serialize_array(cast(pairs, felt*), 2, Pair.SIZE, emit);
            let (add) = get_label_location(add_b);
            let (total) = array_rfold(100, cast(pairs, felt*), 2, Pair.SIZE, add);
            serialize_word(total);
            return ();
        }
        """);
    assertEquals(ints(12, 34, 106), out);
  }
}
