package io.cairn.vm.hints;

/**
 * Exact hint source texts, keyed by name (generated from the cairo-lang common library as compiled into the
 * fixture programs; the text must match byte for byte, STYLE.md §2).
 */
public final class HintCodes {
  private HintCodes() {}

  public static final String ASSERT_NN =
      "from starkware.cairo.common.math_utils import assert_integer\nassert_integer(ids.a)\nassert 0 <= ids.a % PRIME < range_check_builtin.bound, f'a = {ids.a} is out of range.'";

  public static final String SEGMENTS_ADD =
      "memory[ap] = segments.add()";

  public static final String ASSERT_LE_FELT =
      "import itertools\n\nfrom starkware.cairo.common.math_utils import assert_integer\nassert_integer(ids.a)\nassert_integer(ids.b)\na = ids.a % PRIME\nb = ids.b % PRIME\nassert a <= b, f'a = {a} is not less than or equal to b = {b}.'\n\n# Find an arc less than PRIME / 3, and another less than PRIME / 2.\nlengths_and_indices = [(a, 0), (b - a, 1), (PRIME - 1 - b, 2)]\nlengths_and_indices.sort()\nassert lengths_and_indices[0][0] <= PRIME // 3 and lengths_and_indices[1][0] <= PRIME // 2\nexcluded = lengths_and_indices[2][1]\n\nmemory[ids.range_check_ptr + 1], memory[ids.range_check_ptr + 0] = (\n    divmod(lengths_and_indices[0][0], ids.PRIME_OVER_3_HIGH))\nmemory[ids.range_check_ptr + 3], memory[ids.range_check_ptr + 2] = (\n    divmod(lengths_and_indices[1][0], ids.PRIME_OVER_2_HIGH))";

  public static final String ASSERT_LE_FELT_EXCLUDED_0 =
      "memory[ap] = 1 if excluded != 0 else 0";

  public static final String ASSERT_LE_FELT_EXCLUDED_1 =
      "memory[ap] = 1 if excluded != 1 else 0";

  public static final String ASSERT_LE_FELT_EXCLUDED_2 =
      "assert excluded == 2";

  public static final String UNSIGNED_DIV_REM =
      "from starkware.cairo.common.math_utils import assert_integer\nassert_integer(ids.div)\nassert 0 < ids.div <= PRIME // range_check_builtin.bound, \\\n    f'div={hex(ids.div)} is out of the valid range.'\nids.q, ids.r = divmod(ids.value, ids.div)";

  public static final String IS_NN =
      "memory[ap] = 0 if 0 <= (ids.a % PRIME) < range_check_builtin.bound else 1";

  public static final String IS_NN_OUT_OF_RANGE =
      "memory[ap] = 0 if 0 <= ((-ids.a - 1) % PRIME) < range_check_builtin.bound else 1";

  public static final String MEMCPY_ENTER_SCOPE =
      "vm_enter_scope({'n': ids.len})";

  public static final String MEMCPY_CONTINUE_COPYING =
      "n -= 1\nids.continue_copying = 1 if n > 0 else 0";

  public static final String VM_EXIT_SCOPE =
      "vm_exit_scope()";

  public static final String MEMSET_ENTER_SCOPE =
      "vm_enter_scope({'n': ids.n})";

  public static final String MEMSET_CONTINUE_LOOP =
      "n -= 1\nids.continue_loop = 1 if n > 0 else 0";

  public static final String BLAKE2S_COMPUTE =
      "from starkware.cairo.common.cairo_blake2s.blake2s_utils import compute_blake2s_func\ncompute_blake2s_func(segments=segments, output_ptr=ids.output)";

  public static final String VERIFY_ECDSA_SIGNATURE =
      "ecdsa_builtin.add_signature(ids.ecdsa_ptr.address_, (ids.signature_r, ids.signature_s))";

  public static final String DICT_READ =
      "dict_tracker = __dict_manager.get_tracker(ids.dict_ptr)\ndict_tracker.current_ptr += ids.DictAccess.SIZE\nids.value = dict_tracker.data[ids.key]";

  public static final String DICT_WRITE =
      "dict_tracker = __dict_manager.get_tracker(ids.dict_ptr)\ndict_tracker.current_ptr += ids.DictAccess.SIZE\nids.dict_ptr.prev_value = dict_tracker.data[ids.key]\ndict_tracker.data[ids.key] = ids.new_value";

  public static final String DEFAULT_DICT_NEW =
      "if '__dict_manager' not in globals():\n    from starkware.cairo.common.dict import DictManager\n    __dict_manager = DictManager()\n\nmemory[ap] = __dict_manager.new_default_dict(segments, ids.default_value)";

  public static final String ASSERT_LT_FELT =
      "from starkware.cairo.common.math_utils import assert_integer\nassert_integer(ids.a)\nassert_integer(ids.b)\nassert (ids.a % PRIME) < (ids.b % PRIME), \\\n    f'a = {ids.a % PRIME} is not less than b = {ids.b % PRIME}.'";

  public static final String VM_ENTER_SCOPE =
      "vm_enter_scope()";

  public static final String SQUASH_DICT =
      "dict_access_size = ids.DictAccess.SIZE\naddress = ids.dict_accesses.address_\nassert ids.ptr_diff % dict_access_size == 0, \\\n    'Accesses array size must be divisible by DictAccess.SIZE'\nn_accesses = ids.n_accesses\nif '__squash_dict_max_size' in globals():\n    assert n_accesses <= __squash_dict_max_size, \\\n        f'squash_dict() can only be used with n_accesses<={__squash_dict_max_size}. ' \\\n        f'Got: n_accesses={n_accesses}.'\n# A map from key to the list of indices accessing it.\naccess_indices = {}\nfor i in range(n_accesses):\n    key = memory[address + dict_access_size * i]\n    access_indices.setdefault(key, []).append(i)\n# Descending list of keys.\nkeys = sorted(access_indices.keys(), reverse=True)\n# Are the keys used bigger than range_check bound.\nids.big_keys = 1 if keys[0] >= range_check_builtin.bound else 0\nids.first_key = key = keys.pop()";

  public static final String SQUASH_DICT_INNER_FIRST_ITERATION =
      "current_access_indices = sorted(access_indices[key])[::-1]\ncurrent_access_index = current_access_indices.pop()\nmemory[ids.range_check_ptr] = current_access_index";

  public static final String SQUASH_DICT_INNER_SKIP_LOOP =
      "ids.should_skip_loop = 0 if current_access_indices else 1";

  public static final String SQUASH_DICT_INNER_CHECK_ACCESS_INDEX =
      "new_access_index = current_access_indices.pop()\nids.loop_temps.index_delta_minus1 = new_access_index - current_access_index - 1\ncurrent_access_index = new_access_index";

  public static final String SQUASH_DICT_INNER_CONTINUE_LOOP =
      "ids.loop_temps.should_continue = 1 if current_access_indices else 0";

  public static final String SQUASH_DICT_INNER_ASSERT_LEN =
      "assert len(current_access_indices) == 0";

  public static final String SQUASH_DICT_INNER_USED_ACCESSES_ASSERT =
      "assert ids.n_used_accesses == len(access_indices[key])";

  public static final String SQUASH_DICT_INNER_LEN_ASSERT =
      "assert len(keys) == 0";

  public static final String SQUASH_DICT_INNER_NEXT_KEY =
      "assert len(keys) > 0, 'No keys left but remaining_accesses > 0.'\nids.next_key = key = keys.pop()";

  public static final String DICT_NEW =
      "if '__dict_manager' not in globals():\n    from starkware.cairo.common.dict import DictManager\n    __dict_manager = DictManager()\n\nmemory[ap] = __dict_manager.new_dict(segments, initial_dict)\ndel initial_dict";

  public static final String DICT_UPDATE =
      "# Verify dict pointer and prev value.\ndict_tracker = __dict_manager.get_tracker(ids.dict_ptr)\ncurrent_value = dict_tracker.data[ids.key]\nassert current_value == ids.prev_value, \\\n    f'Wrong previous value in dict. Got {ids.prev_value}, expected {current_value}.'\n\n# Update value.\ndict_tracker.data[ids.key] = ids.new_value\ndict_tracker.current_ptr += ids.DictAccess.SIZE";

  public static final String DICT_SQUASH_COPY_DICT =
      "# Prepare arguments for dict_new. In particular, the same dictionary values should be copied\n# to the new (squashed) dictionary.\nvm_enter_scope({\n    # Make __dict_manager accessible.\n    '__dict_manager': __dict_manager,\n    # Create a copy of the dict, in case it changes in the future.\n    'initial_dict': dict(__dict_manager.get_dict(ids.dict_accesses_end)),\n})";

  public static final String DICT_SQUASH_UPDATE_PTR =
      "# Update the DictTracker's current_ptr to point to the end of the squashed dict.\n__dict_manager.get_tracker(ids.squashed_dict_start).current_ptr = \\\n    ids.squashed_dict_end.address_";

  public static final String EC_OP_RANDOM_EC_POINT =
      "from starkware.crypto.signature.signature import ALPHA, BETA, FIELD_PRIME\nfrom starkware.python.math_utils import random_ec_point\nfrom starkware.python.utils import to_bytes\n\n# Define a seed for random_ec_point that's dependent on all the input, so that:\n#   (1) The added point s is deterministic.\n#   (2) It's hard to choose inputs for which the builtin will fail.\nseed = b\"\".join(map(to_bytes, [ids.p.x, ids.p.y, ids.m, ids.q.x, ids.q.y]))\nids.s.x, ids.s.y = random_ec_point(FIELD_PRIME, ALPHA, BETA, seed)";

  public static final String FIND_ELEMENT =
      "array_ptr = ids.array_ptr\nelm_size = ids.elm_size\nassert isinstance(elm_size, int) and elm_size > 0, \\\n    f'Invalid value for elm_size. Got: {elm_size}.'\nkey = ids.key\n\nif '__find_element_index' in globals():\n    ids.index = __find_element_index\n    found_key = memory[array_ptr + elm_size * __find_element_index]\n    assert found_key == key, \\\n        f'Invalid index found in __find_element_index. index: {__find_element_index}, ' \\\n        f'expected key {key}, found key: {found_key}.'\n    # Delete __find_element_index to make sure it's not used for the next calls.\n    del __find_element_index\nelse:\n    n_elms = ids.n_elms\n    assert isinstance(n_elms, int) and n_elms >= 0, \\\n        f'Invalid value for n_elms. Got: {n_elms}.'\n    if '__find_element_max_size' in globals():\n        assert n_elms <= __find_element_max_size, \\\n            f'find_element() can only be used with n_elms<={__find_element_max_size}. ' \\\n            f'Got: n_elms={n_elms}.'\n\n    for i in range(n_elms):\n        if memory[array_ptr + elm_size * i] == key:\n            ids.index = i\n            break\n    else:\n        raise ValueError(f'Key {key} was not found.')";

  public static final String POW =
      "ids.locs.bit = (ids.prev_locs.exp % PRIME) & 1";

  public static final String KECCAK_NONDET_LT_BYTES_IN_WORD =
      "memory[ap] = to_felt_or_relocatable(ids.n_bytes < ids.BYTES_IN_WORD)";

  public static final String BLOCK_PERMUTATION =
      "from starkware.cairo.common.keccak_utils.keccak_utils import keccak_func\n_keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)\nassert 0 <= _keccak_state_size_felts < 100\n\noutput_values = keccak_func(memory.get_range(\n    ids.keccak_ptr - _keccak_state_size_felts, _keccak_state_size_felts))\nsegments.write_arg(ids.keccak_ptr, output_values)";

  public static final String KECCAK_NONDET_GE_FULL_RATE =
      "memory[ap] = to_felt_or_relocatable(ids.n_bytes >= ids.KECCAK_FULL_RATE_IN_BYTES)";

  public static final String NONDET_N_GREATER_THAN_10 =
      "memory[ap] = to_felt_or_relocatable(ids.n >= 10)";

  public static final String NONDET_N_GREATER_THAN_2 =
      "memory[ap] = to_felt_or_relocatable(ids.n >= 2)";

  public static final String RELOCATE_SEGMENT =
      "memory.add_relocation_rule(src_ptr=ids.src_ptr, dest_ptr=ids.dest_ptr)";

  public static final String TEMPORARY_ARRAY =
      "ids.temporary_array = segments.add_temp_segment()";

  public static final String SECP_SPLIT_VALUE_TO_RES =
      "from starkware.cairo.common.cairo_secp.secp_utils import split\n\nsegments.write_arg(ids.res.address_, split(value))";

  public static final String SECP_VERIFY_ZERO =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack\n\nq, r = divmod(pack(ids.val, PRIME), SECP_P)\nassert r == 0, f\"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}.\"\nids.q = q % PRIME";

  public static final String SECP_REDUCE =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack\n\nvalue = pack(ids.x, PRIME) % SECP_P";

  public static final String SECP_DIV_MOD_N =
      "from starkware.cairo.common.cairo_secp.secp_utils import N, pack\nfrom starkware.python.math_utils import div_mod, safe_div\n\na = pack(ids.a, PRIME)\nb = pack(ids.b, PRIME)\nvalue = res = div_mod(a, b, N)";

  public static final String SECP_GET_K =
      "value = k = safe_div(res * b - a, N)";

  public static final String SECP_GET_POINT_FROM_X =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack\n\nx_cube_int = pack(ids.x_cube, PRIME) % SECP_P\ny_square_int = (x_cube_int + ids.BETA) % SECP_P\ny = pow(y_square_int, (SECP_P + 1) // 4, SECP_P)\n\n# We need to decide whether to take y or SECP_P - y.\nif ids.v % 2 == y % 2:\n    value = y\nelse:\n    value = (-y) % SECP_P";

  public static final String SQRT =
      "from starkware.python.math_utils import isqrt\nvalue = ids.value % PRIME\nassert value < 2 ** 250, f\"value={value} is outside of the range [0, 2**250).\"\nassert 2 ** 250 < PRIME\nids.root = isqrt(value)";

  public static final String IMPORT_MATH =
      "import math";

}
