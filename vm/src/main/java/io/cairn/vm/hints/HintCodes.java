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


  // ---- the rest of the cairo-lang v0.14.0.1 whitelist (names follow lambdaclass/cairo-vm hint_code.rs)

  public static final String CAIRO_KECCAK_FINALIZE_V1 =
      "# Add dummy pairs of input and output.\n_keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)\n_block_size = int(ids.BLOCK_SIZE)\nassert 0 <= _keccak_state_size_felts < 100\nassert 0 <= _block_size < 10\ninp = [0] * _keccak_state_size_felts\npadding = (inp + keccak_func(inp)) * _block_size\nsegments.write_arg(ids.keccak_ptr_end, padding)";

  public static final String IS_ADDR_BOUNDED =
      "# Verify the assumptions on the relationship between 2**250, ADDR_BOUND and PRIME.\nADDR_BOUND = ids.ADDR_BOUND % PRIME\nassert (2**250 < ADDR_BOUND <= 2**251) and (2 * 2**250 < PRIME) and (\n        ADDR_BOUND * 2 > PRIME), \\\n    'normalize_address() cannot be used with the current constants.'\nids.is_small = 1 if ids.addr < ADDR_BOUND else 0";

  public static final String UINT256_MUL_DIV_MOD =
      "a = (ids.a.high << 128) + ids.a.low\nb = (ids.b.high << 128) + ids.b.low\ndiv = (ids.div.high << 128) + ids.div.low\nquotient, remainder = divmod(a * b, div)\n\nids.quotient_low.low = quotient & ((1 << 128) - 1)\nids.quotient_low.high = (quotient >> 128) & ((1 << 128) - 1)\nids.quotient_high.low = (quotient >> 256) & ((1 << 128) - 1)\nids.quotient_high.high = quotient >> 384\nids.remainder.low = remainder & ((1 << 128) - 1)\nids.remainder.high = remainder >> 128";

  public static final String UINT256_UNSIGNED_DIV_REM =
      "a = (ids.a.high << 128) + ids.a.low\ndiv = (ids.div.high << 128) + ids.div.low\nquotient, remainder = divmod(a, div)\n\nids.quotient.low = quotient & ((1 << 128) - 1)\nids.quotient.high = quotient >> 128\nids.remainder.low = remainder & ((1 << 128) - 1)\nids.remainder.high = remainder >> 128";

  public static final String SEARCH_SORTED_LOWER =
      "array_ptr = ids.array_ptr\nelm_size = ids.elm_size\nassert isinstance(elm_size, int) and elm_size > 0, \\\n    f'Invalid value for elm_size. Got: {elm_size}.'\n\nn_elms = ids.n_elms\nassert isinstance(n_elms, int) and n_elms >= 0, \\\n    f'Invalid value for n_elms. Got: {n_elms}.'\nif '__find_element_max_size' in globals():\n    assert n_elms <= __find_element_max_size, \\\n        f'find_element() can only be used with n_elms<={__find_element_max_size}. ' \\\n        f'Got: n_elms={n_elms}.'\n\nfor i in range(n_elms):\n    if memory[array_ptr + elm_size * i] >= ids.key:\n        ids.index = i\n        break\nelse:\n    ids.index = n_elms";

  public static final String SPLIT_INT_ASSERT_RANGE =
      "assert ids.value == 0, 'split_int(): value is out of range.'";

  public static final String USORT_VERIFY_MULTIPLICITY_ASSERT =
      "assert len(positions) == 0";

  public static final String USORT_VERIFY_MULTIPLICITY_BODY =
      "current_pos = positions.pop()\nids.next_item_index = current_pos - last_pos\nlast_pos = current_pos + 1";

  public static final String USORT_BODY =
      "from collections import defaultdict\n\ninput_ptr = ids.input\ninput_len = int(ids.input_len)\nif __usort_max_size is not None:\n    assert input_len <= __usort_max_size, (\n        f\"usort() can only be used with input_len<={__usort_max_size}. \"\n        f\"Got: input_len={input_len}.\"\n    )\n\npositions_dict = defaultdict(list)\nfor i in range(input_len):\n    val = memory[input_ptr + i]\n    positions_dict[val].append(i)\n\noutput = sorted(positions_dict.keys())\nids.output_len = len(output)\nids.output = segments.gen_arg(output)\nids.multiplicities = segments.gen_arg([len(positions_dict[k]) for k in output])";

  public static final String UNSAFE_KECCAK =
      "from eth_hash.auto import keccak\n\ndata, length = ids.data, ids.length\n\nif '__keccak_max_size' in globals():\n    assert length <= __keccak_max_size, \\\n        f'unsafe_keccak() can only be used with length<={__keccak_max_size}. ' \\\n        f'Got: length={length}.'\n\nkeccak_input = bytearray()\nfor word_i, byte_i in enumerate(range(0, length, 16)):\n    word = memory[data + word_i]\n    n_bytes = min(16, length - byte_i)\n    assert 0 <= word < 2 ** (8 * n_bytes)\n    keccak_input += word.to_bytes(n_bytes, 'big')\n\nhashed = keccak(keccak_input)\nids.high = int.from_bytes(hashed[:16], 'big')\nids.low = int.from_bytes(hashed[16:32], 'big')";

  public static final String BLOCK_PERMUTATION_WHITELIST_V1 =
      "from starkware.cairo.common.cairo_keccak.keccak_utils import keccak_func\n_keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)\nassert 0 <= _keccak_state_size_felts < 100\n\noutput_values = keccak_func(memory.get_range(\n    ids.keccak_ptr - _keccak_state_size_felts, _keccak_state_size_felts))\nsegments.write_arg(ids.keccak_ptr, output_values)";

  public static final String IS_ZERO_ASSIGN_SCOPE_VARS =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P\nfrom starkware.python.math_utils import div_mod\n\nvalue = x_inv = div_mod(1, x, SECP_P)";

  public static final String EC_DOUBLE_ASSIGN_NEW_X_V1 =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack\n\nslope = pack(ids.slope, PRIME)\nx = pack(ids.point.x, PRIME)\ny = pack(ids.point.y, PRIME)\n\nvalue = new_x = (pow(slope, 2, SECP_P) - 2 * x) % SECP_P";

  public static final String FAST_EC_ADD_ASSIGN_NEW_X =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack\n\nslope = pack(ids.slope, PRIME)\nx0 = pack(ids.point0.x, PRIME)\nx1 = pack(ids.point1.x, PRIME)\ny0 = pack(ids.point0.y, PRIME)\n\nvalue = new_x = (pow(slope, 2, SECP_P) - x0 - x1) % SECP_P";

  public static final String IS_ZERO_PACK_V2 =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack\n\nx = pack(ids.x, PRIME) % SECP_P";

  public static final String EC_NEGATE =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack\n\ny = pack(ids.point.y, PRIME) % SECP_P\n# The modulo operation in python always returns a nonnegative number.\nvalue = (-y) % SECP_P";

  public static final String EC_DOUBLE_SLOPE_V1 =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack\nfrom starkware.python.math_utils import ec_double_slope\n\n# Compute the slope.\nx = pack(ids.point.x, PRIME)\ny = pack(ids.point.y, PRIME)\nvalue = slope = ec_double_slope(point=(x, y), alpha=0, p=SECP_P)";

  public static final String COMPUTE_SLOPE_V1 =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack\nfrom starkware.python.math_utils import line_slope\n\n# Compute the slope.\nx0 = pack(ids.point0.x, PRIME)\ny0 = pack(ids.point0.y, PRIME)\nx1 = pack(ids.point1.x, PRIME)\ny1 = pack(ids.point1.y, PRIME)\nvalue = slope = line_slope(point1=(x0, y0), point2=(x1, y1), p=SECP_P)";

  public static final String ASSERT_250_BITS =
      "from starkware.cairo.common.math_utils import as_int\n\n# Correctness check.\nvalue = as_int(ids.value, PRIME) % PRIME\nassert value < ids.UPPER_BOUND, f'{value} is outside of the range [0, 2**250).'\n\n# Calculation for the assertion.\nids.high, ids.low = divmod(ids.value, ids.SHIFT)";

  public static final String SIGNED_DIV_REM =
      "from starkware.cairo.common.math_utils import as_int, assert_integer\n\nassert_integer(ids.div)\nassert 0 < ids.div <= PRIME // range_check_builtin.bound, \\\n    f'div={hex(ids.div)} is out of the valid range.'\n\nassert_integer(ids.bound)\nassert ids.bound <= range_check_builtin.bound // 2, \\\n    f'bound={hex(ids.bound)} is out of the valid range.'\n\nint_value = as_int(ids.value, PRIME)\nq, ids.r = divmod(int_value, ids.div)\n\nassert -ids.bound <= q < ids.bound, \\\n    f'{int_value} / {ids.div} = {q} is out of the range [{-ids.bound}, {ids.bound}).'\n\nids.biased_q = q + ids.bound";

  public static final String SPLIT_FELT =
      "from starkware.cairo.common.math_utils import assert_integer\nassert ids.MAX_HIGH < 2**128 and ids.MAX_LOW < 2**128\nassert PRIME - 1 == ids.MAX_HIGH * 2**128 + ids.MAX_LOW\nassert_integer(ids.value)\nids.low = ids.value & ((1 << 128) - 1)\nids.high = ids.value >> 128";

  public static final String ASSERT_NOT_ZERO =
      "from starkware.cairo.common.math_utils import assert_integer\nassert_integer(ids.value)\nassert ids.value % PRIME != 0, f'assert_not_zero failed: {ids.value} = 0.'";

  public static final String IS_POSITIVE =
      "from starkware.cairo.common.math_utils import is_positive\nids.is_positive = 1 if is_positive(\n    value=ids.value, prime=PRIME, rc_bound=range_check_builtin.bound) else 0";

  public static final String ASSERT_NOT_EQUAL =
      "from starkware.cairo.lang.vm.relocatable import RelocatableValue\nboth_ints = isinstance(ids.a, int) and isinstance(ids.b, int)\nboth_relocatable = (\n    isinstance(ids.a, RelocatableValue) and isinstance(ids.b, RelocatableValue) and\n    ids.a.segment_index == ids.b.segment_index)\nassert both_ints or both_relocatable, \\\n    f'assert_not_equal failed: non-comparable values: {ids.a}, {ids.b}.'\nassert (ids.a - ids.b) % PRIME != 0, f'assert_not_equal failed: {ids.a} = {ids.b}.'";

  public static final String CHAINED_EC_OP_RANDOM_EC_POINT =
      "from starkware.crypto.signature.signature import ALPHA, BETA, FIELD_PRIME\nfrom starkware.python.math_utils import random_ec_point\nfrom starkware.python.utils import to_bytes\n\nn_elms = ids.len\nassert isinstance(n_elms, int) and n_elms >= 0, \\\n    f'Invalid value for len. Got: {n_elms}.'\nif '__chained_ec_op_max_len' in globals():\n    assert n_elms <= __chained_ec_op_max_len, \\\n        f'chained_ec_op() can only be used with len<={__chained_ec_op_max_len}. ' \\\n        f'Got: n_elms={n_elms}.'\n\n# Define a seed for random_ec_point that's dependent on all the input, so that:\n#   (1) The added point s is deterministic.\n#   (2) It's hard to choose inputs for which the builtin will fail.\nseed = b\"\".join(\n    map(\n        to_bytes,\n        [\n            ids.p.x,\n            ids.p.y,\n            *memory.get_range(ids.m, n_elms),\n            *memory.get_range(ids.q.address_, 2 * n_elms),\n        ],\n    )\n)\nids.s.x, ids.s.y = random_ec_point(FIELD_PRIME, ALPHA, BETA, seed)";

  public static final String RECOVER_Y =
      "from starkware.crypto.signature.signature import ALPHA, BETA, FIELD_PRIME\nfrom starkware.python.math_utils import recover_y\nids.p.x = ids.x\n# This raises an exception if `x` is not on the curve.\nids.p.y = recover_y(ids.x, ALPHA, BETA, FIELD_PRIME)";

  public static final String IS_QUAD_RESIDUE =
      "from starkware.crypto.signature.signature import FIELD_PRIME\nfrom starkware.python.math_utils import div_mod, is_quad_residue, sqrt\n\nx = ids.x\nif is_quad_residue(x, FIELD_PRIME):\n    ids.y = sqrt(x, FIELD_PRIME)\nelse:\n    ids.y = sqrt(div_mod(x, 3, FIELD_PRIME), FIELD_PRIME)";

  public static final String UINT256_SQRT =
      "from starkware.python.math_utils import isqrt\nn = (ids.n.high << 128) + ids.n.low\nroot = isqrt(n)\nassert 0 <= root < 2 ** 128\nids.root.low = root\nids.root.high = 0";

  public static final String IS_250_BITS =
      "ids.is_250 = 1 if ids.addr < 2**250 else 0";

  public static final String BIGINT_TO_UINT256 =
      "ids.low = (ids.x.d0 + ids.x.d1 * ids.BASE) & ((1 << 128) - 1)";

  public static final String SPLIT_64 =
      "ids.low = ids.a & ((1<<64) - 1)\nids.high = ids.a >> 64";

  public static final String USORT_VERIFY =
      "last_pos = 0\npositions = positions_dict[ids.value][::-1]";

  public static final String EC_MUL_INNER =
      "memory[ap] = (ids.scalar % PRIME) % 2";

  public static final String IS_LE_FELT =
      "memory[ap] = 0 if (ids.a % PRIME) <= (ids.b % PRIME) else 1";

  public static final String UINT256_SIGNED_NN =
      "memory[ap] = 1 if 0 <= (ids.a.high % PRIME) < 2 ** 127 else 0";

  public static final String IS_ZERO_NONDET =
      "memory[ap] = to_felt_or_relocatable(x == 0)";

  public static final String SPLIT_INT =
      "memory[ids.output] = res = (int(ids.value) % PRIME) % ids.base\nassert res < ids.bound, f'split_int(): Limb {res} is out of range.'";

  public static final String KECCAK_WRITE_ARGS =
      "segments.write_arg(ids.inputs, [ids.low % 2 ** 64, ids.low // 2 ** 64])\nsegments.write_arg(ids.inputs + 2, [ids.high % 2 ** 64, ids.high // 2 ** 64])";

  public static final String UINT256_ADD =
      "sum_low = ids.a.low + ids.b.low\nids.carry_low = 1 if sum_low >= ids.SHIFT else 0\nsum_high = ids.a.high + ids.b.high + ids.carry_low\nids.carry_high = 1 if sum_high >= ids.SHIFT else 0";

  public static final String EC_DOUBLE_ASSIGN_NEW_Y =
      "value = new_y = (slope * (x - new_x) - y) % SECP_P";

  public static final String FAST_EC_ADD_ASSIGN_NEW_Y =
      "value = new_y = (slope * (x0 - new_x) - y0) % SECP_P";

  public static final String USORT_ENTER_SCOPE =
      "vm_enter_scope(dict(__usort_max_size = globals().get('__usort_max_size')))";

  public static final String ASSERT_LE_FELT_V_0_6 =
      "from starkware.cairo.common.math_utils import assert_integer\nassert_integer(ids.a)\nassert_integer(ids.b)\nassert (ids.a % PRIME) <= (ids.b % PRIME), \\\n    f'a = {ids.a % PRIME} is not less than or equal to b = {ids.b % PRIME}.'";

  public static final String A_B_BITAND_1 =
      "ids.a_lsb = ids.a & 1\nids.b_lsb = ids.b & 1";

  public static final String ASSERT_LE_FELT_V_0_8 =
      "from starkware.cairo.common.math_utils import assert_integer\nassert_integer(ids.a)\nassert_integer(ids.b)\na = ids.a % PRIME\nb = ids.b % PRIME\nassert a <= b, f'a = {a} is not less than or equal to b = {b}.'\n\nids.small_inputs = int(\n    a < range_check_builtin.bound and (b - a) < range_check_builtin.bound)";

  public static final String UINT384_UNSIGNED_DIV_REM =
      "def split(num: int, num_bits_shift: int, length: int):\n    a = []\n    for _ in range(length):\n        a.append( num & ((1 << num_bits_shift) - 1) )\n        num = num >> num_bits_shift\n    return tuple(a)\n\ndef pack(z, num_bits_shift: int) -> int:\n    limbs = (z.d0, z.d1, z.d2)\n    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))\n\na = pack(ids.a, num_bits_shift = 128)\ndiv = pack(ids.div, num_bits_shift = 128)\nquotient, remainder = divmod(a, div)\n\nquotient_split = split(quotient, num_bits_shift=128, length=3)\nassert len(quotient_split) == 3\n\nids.quotient.d0 = quotient_split[0]\nids.quotient.d1 = quotient_split[1]\nids.quotient.d2 = quotient_split[2]\n\nremainder_split = split(remainder, num_bits_shift=128, length=3)\nids.remainder.d0 = remainder_split[0]\nids.remainder.d1 = remainder_split[1]\nids.remainder.d2 = remainder_split[2]";

  public static final String SUB_REDUCED_A_AND_REDUCED_B =
      "def split(num: int, num_bits_shift: int, length: int):\n    a = []\n    for _ in range(length):\n        a.append( num & ((1 << num_bits_shift) - 1) )\n        num = num >> num_bits_shift\n    return tuple(a)\n\ndef pack(z, num_bits_shift: int) -> int:\n    limbs = (z.d0, z.d1, z.d2)\n    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))\n\na = pack(ids.a, num_bits_shift = 128)\nb = pack(ids.b, num_bits_shift = 128)\np = pack(ids.p, num_bits_shift = 128)\n\nres = (a - b) % p\n\n\nres_split = split(res, num_bits_shift=128, length=3)\n\nids.res.d0 = res_split[0]\nids.res.d1 = res_split[1]\nids.res.d2 = res_split[2]";

  public static final String UINT384_DIV =
      "from starkware.python.math_utils import div_mod\n\ndef split(num: int, num_bits_shift: int, length: int):\n    a = []\n    for _ in range(length):\n        a.append( num & ((1 << num_bits_shift) - 1) )\n        num = num >> num_bits_shift\n    return tuple(a)\n\ndef pack(z, num_bits_shift: int) -> int:\n    limbs = (z.d0, z.d1, z.d2)\n    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))\n\na = pack(ids.a, num_bits_shift = 128)\nb = pack(ids.b, num_bits_shift = 128)\np = pack(ids.p, num_bits_shift = 128)\n# For python3.8 and above the modular inverse can be computed as follows:\n# b_inverse_mod_p = pow(b, -1, p)\n# Instead we use the python3.7-friendly function div_mod from starkware.python.math_utils\nb_inverse_mod_p = div_mod(1, b, p)\n\n\nb_inverse_mod_p_split = split(b_inverse_mod_p, num_bits_shift=128, length=3)\n\nids.b_inverse_mod_p.d0 = b_inverse_mod_p_split[0]\nids.b_inverse_mod_p.d1 = b_inverse_mod_p_split[1]\nids.b_inverse_mod_p.d2 = b_inverse_mod_p_split[2]";

  public static final String UNSIGNED_DIV_REM_UINT768_BY_UINT384_STRIPPED =
      "def split(num: int, num_bits_shift: int, length: int):\n    a = []\n    for _ in range(length):\n        a.append( num & ((1 << num_bits_shift) - 1) )\n        num = num >> num_bits_shift \n    return tuple(a)\n\ndef pack(z, num_bits_shift: int) -> int:\n    limbs = (z.d0, z.d1, z.d2)\n    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))\n    \ndef pack_extended(z, num_bits_shift: int) -> int:\n    limbs = (z.d0, z.d1, z.d2, z.d3, z.d4, z.d5)\n    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))\n\na = pack_extended(ids.a, num_bits_shift = 128)\ndiv = pack(ids.div, num_bits_shift = 128)\n\nquotient, remainder = divmod(a, div)\n\nquotient_split = split(quotient, num_bits_shift=128, length=6)\n\nids.quotient.d0 = quotient_split[0]\nids.quotient.d1 = quotient_split[1]\nids.quotient.d2 = quotient_split[2]\nids.quotient.d3 = quotient_split[3]\nids.quotient.d4 = quotient_split[4]\nids.quotient.d5 = quotient_split[5]\n\nremainder_split = split(remainder, num_bits_shift=128, length=3)\nids.remainder.d0 = remainder_split[0]\nids.remainder.d1 = remainder_split[1]\nids.remainder.d2 = remainder_split[2]";

  public static final String UINT384_SQRT =
      "from starkware.python.math_utils import isqrt\n\ndef split(num: int, num_bits_shift: int, length: int):\n    a = []\n    for _ in range(length):\n        a.append( num & ((1 << num_bits_shift) - 1) )\n        num = num >> num_bits_shift\n    return tuple(a)\n\ndef pack(z, num_bits_shift: int) -> int:\n    limbs = (z.d0, z.d1, z.d2)\n    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))\n\na = pack(ids.a, num_bits_shift=128)\nroot = isqrt(a)\nassert 0 <= root < 2 ** 192\nroot_split = split(root, num_bits_shift=128, length=3)\nids.root.d0 = root_split[0]\nids.root.d1 = root_split[1]\nids.root.d2 = root_split[2]";

  public static final String UINT384_SIGNED_NN =
      "memory[ap] = 1 if 0 <= (ids.a.d2 % PRIME) < 2 ** 127 else 0";

  public static final String ADD_NO_UINT384_CHECK =
      "sum_d0 = ids.a.d0 + ids.b.d0\nids.carry_d0 = 1 if sum_d0 >= ids.SHIFT else 0\nsum_d1 = ids.a.d1 + ids.b.d1 + ids.carry_d0\nids.carry_d1 = 1 if sum_d1 >= ids.SHIFT else 0\nsum_d2 = ids.a.d2 + ids.b.d2 + ids.carry_d1\nids.carry_d2 = 1 if sum_d2 >= ids.SHIFT else 0";

  public static final String UINT384_GET_SQUARE_ROOT =
      "from starkware.python.math_utils import is_quad_residue, sqrt\n\ndef split(num: int, num_bits_shift: int = 128, length: int = 3):\n    a = []\n    for _ in range(length):\n        a.append( num & ((1 << num_bits_shift) - 1) )\n        num = num >> num_bits_shift\n    return tuple(a)\n\ndef pack(z, num_bits_shift: int = 128) -> int:\n    limbs = (z.d0, z.d1, z.d2)\n    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))\n\n\ngenerator = pack(ids.generator)\nx = pack(ids.x)\np = pack(ids.p)\n\nsuccess_x = is_quad_residue(x, p)\nroot_x = sqrt(x, p) if success_x else None\n\nsuccess_gx = is_quad_residue(generator*x, p)\nroot_gx = sqrt(generator*x, p) if success_gx else None\n\n# Check that one is 0 and the other is 1\nif x != 0:\n    assert success_x + success_gx ==1\n\n# `None` means that no root was found, but we need to transform these into a felt no matter what\nif root_x == None:\n    root_x = 0\nif root_gx == None:\n    root_gx = 0\nids.success_x = int(success_x)\nids.success_gx = int(success_gx)\nsplit_root_x = split(root_x)\nsplit_root_gx = split(root_gx)\nids.sqrt_x.d0 = split_root_x[0]\nids.sqrt_x.d1 = split_root_x[1]\nids.sqrt_x.d2 = split_root_x[2]\nids.sqrt_gx.d0 = split_root_gx[0]\nids.sqrt_gx.d1 = split_root_gx[1]\nids.sqrt_gx.d2 = split_root_gx[2]";

  public static final String BLAKE2S_FINALIZE_V3 =
      "# Add dummy pairs of input and output.\nfrom starkware.cairo.common.cairo_blake2s.blake2s_utils import IV, blake2s_compress\n\n_n_packed_instances = int(ids.N_PACKED_INSTANCES)\nassert 0 <= _n_packed_instances < 20\n_blake2s_input_chunk_size_felts = int(ids.BLAKE2S_INPUT_CHUNK_SIZE_FELTS)\nassert 0 <= _blake2s_input_chunk_size_felts < 100\n\nmessage = [0] * _blake2s_input_chunk_size_felts\nmodified_iv = [IV[0] ^ 0x01010020] + IV[1:]\noutput = blake2s_compress(\n    message=message,\n    h=modified_iv,\n    t0=0,\n    t1=0,\n    f0=0xffffffff,\n    f1=0,\n)\npadding = (message + modified_iv + [0, 0xffffffff] + output) * (_n_packed_instances - 1)\nsegments.write_arg(ids.blake2s_ptr_end, padding)";

  public static final String EXAMPLE_BLAKE2S_COMPRESS =
      "from starkware.cairo.common.cairo_blake2s.blake2s_utils import IV, blake2s_compress\n\n_blake2s_input_chunk_size_felts = int(ids.BLAKE2S_INPUT_CHUNK_SIZE_FELTS)\nassert 0 <= _blake2s_input_chunk_size_felts < 100\n\nnew_state = blake2s_compress(\n    message=memory.get_range(ids.blake2s_start, _blake2s_input_chunk_size_felts),\n    h=[IV[0] ^ 0x01010020] + IV[1:],\n    t0=ids.n_bytes,\n    t1=0,\n    f0=0xffffffff,\n    f1=0,\n)\n\nsegments.write_arg(ids.output, new_state)";

  public static final String SHA256_INPUT =
      "ids.full_word = int(ids.n_bytes >= 4)";

  public static final String CAIRO_KECCAK_FINALIZE_V2 =
      "# Add dummy pairs of input and output.\n_keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)\n_block_size = int(ids.BLOCK_SIZE)\nassert 0 <= _keccak_state_size_felts < 100\nassert 0 <= _block_size < 1000\ninp = [0] * _keccak_state_size_felts\npadding = (inp + keccak_func(inp)) * _block_size\nsegments.write_arg(ids.keccak_ptr_end, padding)";

  public static final String BLOCK_PERMUTATION_WHITELIST_V2 =
      "from starkware.cairo.common.cairo_keccak.keccak_utils import keccak_func\n_keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)\nassert 0 <= _keccak_state_size_felts < 100\noutput_values = keccak_func(memory.get_range(\n    ids.keccak_ptr_start, _keccak_state_size_felts))\nsegments.write_arg(ids.output, output_values)";

  public static final String CAIRO_KECCAK_INPUT_IS_FULL_WORD =
      "ids.full_word = int(ids.n_bytes >= 8)";

  public static final String QUAD_BIT =
      "ids.quad_bit = (\n    8 * ((ids.scalar_v >> ids.m) & 1)\n    + 4 * ((ids.scalar_u >> ids.m) & 1)\n    + 2 * ((ids.scalar_v >> (ids.m - 1)) & 1)\n    + ((ids.scalar_u >> (ids.m - 1)) & 1)\n)";

  public static final String HI_MAX_BITLEN =
      "ids.len_hi = max(ids.scalar_u.d2.bit_length(), ids.scalar_v.d2.bit_length())-1";

  public static final String DI_BIT =
      "ids.dibit = ((ids.scalar_u >> ids.m) & 1) + 2 * ((ids.scalar_v >> ids.m) & 1)";

  public static final String IMPORT_SECP256R1_P =
      "from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P as SECP_P";

  public static final String IMPORT_SECP256R1_ALPHA =
      "from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_ALPHA as ALPHA";

  public static final String IMPORT_SECP256R1_N =
      "from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_N as N";

  public static final String EC_DOUBLE_SLOPE_EXTERNAL_CONSTS =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nfrom starkware.python.math_utils import ec_double_slope\n\n# Compute the slope.\nx = pack(ids.point.x, PRIME)\ny = pack(ids.point.y, PRIME)\nvalue = slope = ec_double_slope(point=(x, y), alpha=ALPHA, p=SECP_P)";

  public static final String COMPUTE_SLOPE_SECP256R1_V1 =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nfrom starkware.python.math_utils import line_slope\n\n# Compute the slope.\nx0 = pack(ids.point0.x, PRIME)\ny0 = pack(ids.point0.y, PRIME)\nx1 = pack(ids.point1.x, PRIME)\ny1 = pack(ids.point1.y, PRIME)\nvalue = slope = line_slope(point1=(x0, y0), point2=(x1, y1), p=SECP_P)";

  public static final String SQUARE_SLOPE_X_MOD_P =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\n\nslope = pack(ids.slope, PRIME)\nx0 = pack(ids.point0.x, PRIME)\nx1 = pack(ids.point1.x, PRIME)\ny0 = pack(ids.point0.y, PRIME)\n\nvalue = new_x = (pow(slope, 2, SECP_P) - x0 - x1) % SECP_P";

  public static final String IS_ZERO_PACK_EXTERNAL_SECP_V2 =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nx = pack(ids.x, PRIME) % SECP_P";

  public static final String REDUCE_V2 =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nvalue = pack(ids.x, PRIME) % SECP_P";

  public static final String IS_ZERO_ASSIGN_SCOPE_VARS_EXTERNAL_SECP =
      "from starkware.python.math_utils import div_mod\n\nvalue = x_inv = div_mod(1, x, SECP_P)";

  public static final String DIV_MOD_N_PACKED_DIVMOD_EXTERNAL_N =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nfrom starkware.python.math_utils import div_mod, safe_div\n\na = pack(ids.a, PRIME)\nb = pack(ids.b, PRIME)\nvalue = res = div_mod(a, b, N)";

  public static final String DIV_MOD_N_SAFE_DIV_PLUS_ONE =
      "value = k_plus_one = safe_div(res * b - a, N) + 1";

  public static final String VERIFY_ZERO_EXTERNAL_SECP =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\n\nq, r = divmod(pack(ids.val, PRIME), SECP_P)\nassert r == 0, f\"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}.\"\nids.q = q % PRIME";

  public static final String EC_DOUBLE_ASSIGN_NEW_X_V2 =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\n\nslope = pack(ids.slope, PRIME)\nx = pack(ids.point.x, PRIME)\ny = pack(ids.point.y, PRIME)\n\nvalue = new_x = (pow(slope, 2, SECP_P) - 2 * x) % SECP_P";

  public static final String VERIFY_ZERO_V2 =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P\nq, r = divmod(pack(ids.val, PRIME), SECP_P)\nassert r == 0, f\"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}.\"\nids.q = q % PRIME";

  public static final String EC_DOUBLE_ASSIGN_NEW_X_V4 =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack\n\nslope = pack(ids.slope, PRIME)\nx = pack(ids.pt.x, PRIME)\ny = pack(ids.pt.y, PRIME)\n\nvalue = new_x = (pow(slope, 2, SECP_P) - 2 * x) % SECP_P";

  public static final String FAST_EC_ADD_ASSIGN_NEW_X_V3 =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack\n\nslope = pack(ids.slope, PRIME)\nx0 = pack(ids.pt0.x, PRIME)\nx1 = pack(ids.pt1.x, PRIME)\ny0 = pack(ids.pt0.y, PRIME)\n\nvalue = new_x = (pow(slope, 2, SECP_P) - x0 - x1) % SECP_P";

  public static final String EC_DOUBLE_SLOPE_V3 =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack\nfrom starkware.python.math_utils import div_mod\n\n# Compute the slope.\nx = pack(ids.pt.x, PRIME)\ny = pack(ids.pt.y, PRIME)\nvalue = slope = div_mod(3 * x ** 2, 2 * y, SECP_P)";

  public static final String COMPUTE_SLOPE_WHITELIST =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack\nfrom starkware.python.math_utils import div_mod\n\n# Compute the slope.\nx0 = pack(ids.pt0.x, PRIME)\ny0 = pack(ids.pt0.y, PRIME)\nx1 = pack(ids.pt1.x, PRIME)\ny1 = pack(ids.pt1.y, PRIME)\nvalue = slope = div_mod(y0 - y1, x0 - x1, SECP_P)";

  public static final String IS_ZERO_PACK_V2_WL =
      "from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack\nx = pack(ids.x, PRIME) % SECP_P";

  public static final String PACK_MODN_DIV_MODN =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nfrom starkware.python.math_utils import div_mod, safe_div\n\nN = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141\nx = pack(ids.x, PRIME) % N\ns = pack(ids.s, PRIME) % N\nvalue = res = div_mod(x, s, N)";

  public static final String NONDET_BIGINT3_V2 =
      "from starkware.cairo.common.cairo_secp.secp_utils import split\nsegments.write_arg(ids.res.address_, split(value))";

  public static final String IS_ZERO_INT =
      "memory[ap] = int(x == 0)";

  public static final String XS_SAFE_DIV =
      "value = k = safe_div(res * s - x, N)";

  public static final String SHA256_FINALIZE =
      "# Add dummy pairs of input and output.\nfrom starkware.cairo.common.cairo_sha256.sha256_utils import (\n    IV, compute_message_schedule, sha2_compress_function)\n\n_block_size = int(ids.BLOCK_SIZE)\nassert 0 <= _block_size < 20\n_sha256_input_chunk_size_felts = int(ids.SHA256_INPUT_CHUNK_SIZE_FELTS)\nassert 0 <= _sha256_input_chunk_size_felts < 100\n\nmessage = [0] * _sha256_input_chunk_size_felts\nw = compute_message_schedule(message)\noutput = sha2_compress_function(IV, w)\npadding = (message + IV + output) * (_block_size - 1)\nsegments.write_arg(ids.sha256_ptr_end, padding)";

  public static final String SHA256_MAIN_CONSTANT_INPUT_LENGTH =
      "from starkware.cairo.common.cairo_sha256.sha256_utils import (\n    IV, compute_message_schedule, sha2_compress_function)\n\n_sha256_input_chunk_size_felts = int(ids.SHA256_INPUT_CHUNK_SIZE_FELTS)\nassert 0 <= _sha256_input_chunk_size_felts < 100\n\nw = compute_message_schedule(memory.get_range(\n    ids.sha256_start, _sha256_input_chunk_size_felts))\nnew_state = sha2_compress_function(IV, w)\nsegments.write_arg(ids.output, new_state)";

  public static final String SHA256_MAIN_ARBITRARY_INPUT_LENGTH =
      "from starkware.cairo.common.cairo_sha256.sha256_utils import (\n    compute_message_schedule, sha2_compress_function)\n\n_sha256_input_chunk_size_felts = int(ids.SHA256_INPUT_CHUNK_SIZE_FELTS)\nassert 0 <= _sha256_input_chunk_size_felts < 100\n_sha256_state_size_felts = int(ids.SHA256_STATE_SIZE_FELTS)\nassert 0 <= _sha256_state_size_felts < 100\nw = compute_message_schedule(memory.get_range(\n    ids.sha256_start, _sha256_input_chunk_size_felts))\nnew_state = sha2_compress_function(memory.get_range(ids.state, _sha256_state_size_felts), w)\nsegments.write_arg(ids.output, new_state)";

  public static final String BIGINT_PACK_DIV_MOD =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nfrom starkware.cairo.common.math_utils import as_int\nfrom starkware.python.math_utils import div_mod, safe_div\n\np = pack(ids.P, PRIME)\nx = pack(ids.x, PRIME) + as_int(ids.x.d3, PRIME) * ids.BASE ** 3 + as_int(ids.x.d4, PRIME) * ids.BASE ** 4\ny = pack(ids.y, PRIME)\n\nvalue = res = div_mod(x, y, p)";

  public static final String BIGINT_SAFE_DIV =
      "k = safe_div(res * y - x, p)\nvalue = k if k > 0 else 0 - k\nids.flag = 1 if k > 0 else 0";

  public static final String EC_RECOVER_DIV_MOD_N_PACKED =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nfrom starkware.python.math_utils import div_mod, safe_div\n\nN = pack(ids.n, PRIME)\nx = pack(ids.x, PRIME) % N\ns = pack(ids.s, PRIME) % N\nvalue = res = div_mod(x, s, N)";

  public static final String EC_RECOVER_SUB_A_B =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nfrom starkware.python.math_utils import div_mod, safe_div\n\na = pack(ids.a, PRIME)\nb = pack(ids.b, PRIME)\n\nvalue = res = a - b";

  public static final String EC_RECOVER_PRODUCT_MOD =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nfrom starkware.python.math_utils import div_mod, safe_div\n\na = pack(ids.a, PRIME)\nb = pack(ids.b, PRIME)\nproduct = a * b\nm = pack(ids.m, PRIME)\n\nvalue = res = product % m";

  public static final String EC_RECOVER_PRODUCT_DIV_M =
      "value = k = product // m";

  public static final String GET_FELT_BIT_LENGTH =
      "x = ids.x\nids.bit_length = x.bit_length()";

  public static final String UINT256_EXPANDED_UNSIGNED_DIV_REM =
      "a = (ids.a.high << 128) + ids.a.low\ndiv = (ids.div.b23 << 128) + ids.div.b01\nquotient, remainder = divmod(a, div)\n\nids.quotient.low = quotient & ((1 << 128) - 1)\nids.quotient.high = quotient >> 128\nids.remainder.low = remainder & ((1 << 128) - 1)\nids.remainder.high = remainder >> 128";

  public static final String UINT256_SUB =
      "def split(num: int, num_bits_shift: int = 128, length: int = 2):\n    a = []\n    for _ in range(length):\n        a.append( num & ((1 << num_bits_shift) - 1) )\n        num = num >> num_bits_shift\n    return tuple(a)\n\ndef pack(z, num_bits_shift: int = 128) -> int:\n    limbs = (z.low, z.high)\n    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))\n\na = pack(ids.a)\nb = pack(ids.b)\nres = (a - b)%2**256\nres_split = split(res)\nids.res.low = res_split[0]\nids.res.high = res_split[1]";

  public static final String UINT256_SQRT_FELT =
      "from starkware.python.math_utils import isqrt\nn = (ids.n.high << 128) + ids.n.low\nroot = isqrt(n)\nassert 0 <= root < 2 ** 128\nids.root = root";

  public static final String UINT128_ADD =
      "res = ids.a + ids.b\nids.carry = 1 if res >= ids.SHIFT else 0";

  public static final String SPLIT_XX =
      "PRIME = 2**255 - 19\nII = pow(2, (PRIME - 1) // 4, PRIME)\n\nxx = ids.xx.low + (ids.xx.high<<128)\nx = pow(xx, (PRIME + 3) // 8, PRIME)\nif (x * x - xx) % PRIME != 0:\n    x = (x * II) % PRIME\nif x % 2 != 0:\n    x = PRIME - x\nids.x.low = x & ((1<<128)-1)\nids.x.high = x >> 128";

  public static final String UINT512_UNSIGNED_DIV_REM =
      "def split(num: int, num_bits_shift: int, length: int):\n    a = []\n    for _ in range(length):\n        a.append( num & ((1 << num_bits_shift) - 1) )\n        num = num >> num_bits_shift\n    return tuple(a)\n\ndef pack(z, num_bits_shift: int) -> int:\n    limbs = (z.low, z.high)\n    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))\n\ndef pack_extended(z, num_bits_shift: int) -> int:\n    limbs = (z.d0, z.d1, z.d2, z.d3)\n    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))\n\nx = pack_extended(ids.x, num_bits_shift = 128)\ndiv = pack(ids.div, num_bits_shift = 128)\n\nquotient, remainder = divmod(x, div)\n\nquotient_split = split(quotient, num_bits_shift=128, length=4)\n\nids.quotient.d0 = quotient_split[0]\nids.quotient.d1 = quotient_split[1]\nids.quotient.d2 = quotient_split[2]\nids.quotient.d3 = quotient_split[3]\n\nremainder_split = split(remainder, num_bits_shift=128, length=2)\nids.remainder.low = remainder_split[0]\nids.remainder.high = remainder_split[1]";

  public static final String INV_MOD_P_UINT512 =
      "def pack_512(u, num_bits_shift: int) -> int:\n    limbs = (u.d0, u.d1, u.d2, u.d3)\n    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))\n\nx = pack_512(ids.x, num_bits_shift = 128)\np = ids.p.low + (ids.p.high << 128)\nx_inverse_mod_p = pow(x,-1, p)\n\nx_inverse_mod_p_split = (x_inverse_mod_p & ((1 << 128) - 1), x_inverse_mod_p >> 128)\n\nids.x_inverse_mod_p.low = x_inverse_mod_p_split[0]\nids.x_inverse_mod_p.high = x_inverse_mod_p_split[1]";

  public static final String UINT256_MUL_INV_MOD_P =
      "from starkware.python.math_utils import div_mod\n\ndef split(a: int):\n    return (a & ((1 << 128) - 1), a >> 128)\n\ndef pack(z, num_bits_shift: int) -> int:\n    limbs = (z.low, z.high)\n    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))\n\na = pack(ids.a, 128)\nb = pack(ids.b, 128)\np = pack(ids.p, 128)\n# For python3.8 and above the modular inverse can be computed as follows:\n# b_inverse_mod_p = pow(b, -1, p)\n# Instead we use the python3.7-friendly function div_mod from starkware.python.math_utils\nb_inverse_mod_p = div_mod(1, b, p)\n\nb_inverse_mod_p_split = split(b_inverse_mod_p)\n\nids.b_inverse_mod_p.low = b_inverse_mod_p_split[0]\nids.b_inverse_mod_p.high = b_inverse_mod_p_split[1]";

  public static final String UINT256_GET_SQUARE_ROOT =
      "from starkware.python.math_utils import is_quad_residue, sqrt\n\ndef split(a: int):\n    return (a & ((1 << 128) - 1), a >> 128)\n\ndef pack(z) -> int:\n    return z.low + (z.high << 128)\n\ngenerator = pack(ids.generator)\nx = pack(ids.x)\np = pack(ids.p)\n\nsuccess_x = is_quad_residue(x, p)\nroot_x = sqrt(x, p) if success_x else None\nsuccess_gx = is_quad_residue(generator*x, p)\nroot_gx = sqrt(generator*x, p) if success_gx else None\n\n# Check that one is 0 and the other is 1\nif x != 0:\n    assert success_x + success_gx == 1\n\n# `None` means that no root was found, but we need to transform these into a felt no matter what\nif root_x == None:\n    root_x = 0\nif root_gx == None:\n    root_gx = 0\nids.success_x = int(success_x)\nids.success_gx = int(success_gx)\nsplit_root_x = split(root_x)\n# print('split root x', split_root_x)\nsplit_root_gx = split(root_gx)\nids.sqrt_x.low = split_root_x[0]\nids.sqrt_x.high = split_root_x[1]\nids.sqrt_gx.low = split_root_gx[0]\nids.sqrt_gx.high = split_root_gx[1]";

  public static final String UNSIGNED_DIV_REM_UINT768_BY_UINT384_STRIPPED_WL =
      "def split(num: int, num_bits_shift: int, length: int):\n    a = []\n    for _ in range(length):\n        a.append( num & ((1 << num_bits_shift) - 1) )\n        num = num >> num_bits_shift\n    return tuple(a)\n\ndef pack(z, num_bits_shift: int) -> int:\n    limbs = (z.d0, z.d1, z.d2)\n    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))\n\ndef pack_extended(z, num_bits_shift: int) -> int:\n    limbs = (z.d0, z.d1, z.d2, z.d3, z.d4, z.d5)\n    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))\n\na = pack_extended(ids.a, num_bits_shift = 128)\ndiv = pack(ids.div, num_bits_shift = 128)\n\nquotient, remainder = divmod(a, div)\n\nquotient_split = split(quotient, num_bits_shift=128, length=6)\n\nids.quotient.d0 = quotient_split[0]\nids.quotient.d1 = quotient_split[1]\nids.quotient.d2 = quotient_split[2]\nids.quotient.d3 = quotient_split[3]\nids.quotient.d4 = quotient_split[4]\nids.quotient.d5 = quotient_split[5]\n\nremainder_split = split(remainder, num_bits_shift=128, length=3)\nids.remainder.d0 = remainder_split[0]\nids.remainder.d1 = remainder_split[1]\nids.remainder.d2 = remainder_split[2]";

  public static final String UINT384_SPLIT_128 =
      "ids.low = ids.a & ((1<<128) - 1)\nids.high = ids.a >> 128";

  public static final String UINT256_ADD_LOW =
      "sum_low = ids.a.low + ids.b.low\nids.carry_low = 1 if sum_low >= ids.SHIFT else 0";

  public static final String VERIFY_ZERO_V3 =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nSECP_P = 2**255-19\nto_assert = pack(ids.val, PRIME)\nq, r = divmod(pack(ids.val, PRIME), SECP_P)\nassert r == 0, f\"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}.\"\nids.q = q % PRIME";

  public static final String IS_ZERO_PACK_ED25519 =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nSECP_P=2**255-19\n\nx = pack(ids.x, PRIME) % SECP_P";

  public static final String REDUCE_ED25519 =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nSECP_P=2**255-19\n\nvalue = pack(ids.x, PRIME) % SECP_P";

  public static final String IS_ZERO_ASSIGN_SCOPE_VARS_ED25519 =
      "SECP_P=2**255-19\nfrom starkware.python.math_utils import div_mod\n\nvalue = x_inv = div_mod(1, x, SECP_P)";

  public static final String EC_NEGATE_EMBEDDED_SECP =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nSECP_P = 2**255-19\n\ny = pack(ids.point.y, PRIME) % SECP_P\n# The modulo operation in python always returns a nonnegative number.\nvalue = (-y) % SECP_P";

  public static final String EC_DOUBLE_ASSIGN_NEW_X_V3 =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nSECP_P = 2**255-19\n\nslope = pack(ids.slope, PRIME)\nx = pack(ids.point.x, PRIME)\ny = pack(ids.point.y, PRIME)\n\nvalue = new_x = (pow(slope, 2, SECP_P) - 2 * x) % SECP_P";

  public static final String FAST_EC_ADD_ASSIGN_NEW_X_V2 =
      "from starkware.cairo.common.cairo_secp.secp_utils import pack\nSECP_P = 2**255-19\n\nslope = pack(ids.slope, PRIME)\nx0 = pack(ids.point0.x, PRIME)\nx1 = pack(ids.point1.x, PRIME)\ny0 = pack(ids.point0.y, PRIME)\n\nvalue = new_x = (pow(slope, 2, SECP_P) - x0 - x1) % SECP_P";

  public static final String EC_DOUBLE_SLOPE_V2 =
      "from starkware.python.math_utils import ec_double_slope\nfrom starkware.cairo.common.cairo_secp.secp_utils import pack\nSECP_P = 2**255-19\n\n# Compute the slope.\nx = pack(ids.point.x, PRIME)\ny = pack(ids.point.y, PRIME)\nvalue = slope = ec_double_slope(point=(x, y), alpha=42204101795669822316448953119945047945709099015225996174933988943478124189485, p=SECP_P)";

  public static final String COMPUTE_SLOPE_V2 =
      "from starkware.python.math_utils import line_slope\nfrom starkware.cairo.common.cairo_secp.secp_utils import pack\nSECP_P = 2**255-19\n# Compute the slope.\nx0 = pack(ids.point0.x, PRIME)\ny0 = pack(ids.point0.y, PRIME)\nx1 = pack(ids.point1.x, PRIME)\ny1 = pack(ids.point1.y, PRIME)\nvalue = slope = line_slope(point1=(x0, y0), point2=(x1, y1), p=SECP_P)";
}
