// Cairn standard library: Ethereum's Keccak-256 through the keccak builtin.
//
// The builtin permutes a 1600-bit state given as eight 200-bit felts (state bit k is bit k mod 200
// of felt k / 200, bytes little-endian). Input is absorbed 136 bytes (17 little-endian 64-bit words)
// at a time and padded with 0x01 ... 0x80. Words are checked to be below 2**64; splitting them at
// the felts' 200-bit boundaries uses the bitwise builtin.
//
// Digests are Uint256s: little-endian by default (the digest's bytes read as a little-endian
// number); the _bigend variants read and produce big-endian numbers (Solidity's keccak256).
from cairn.common.alloc import alloc
from cairn.common.bitwise import bitwise_and, bitwise_xor
from cairn.common.cairo_builtins import BitwiseBuiltin, KeccakBuiltin
from cairn.common.keccak_state import KeccakBuiltinState
from cairn.common.math import assert_nn_le, unsigned_div_rem
from cairn.common.memcpy import memcpy
from cairn.common.memset import memset
from cairn.common.uint256 import Uint256, felt_to_uint256, split_64, uint256_check, uint256_reverse_endian

const BLOCK_WORDS = 17;
const WORD_BOUND = 2 ** 64;

// The keccak of the 32-byte little-endian encodings of elements[0..n_elements).
func keccak_uint256s{range_check_ptr, bitwise_ptr: BitwiseBuiltin*, keccak_ptr: KeccakBuiltin*}(
    n_elements: felt, elements: Uint256*
) -> (res: Uint256) {
    alloc_locals;
    let (words) = alloc();
    _uint256s_to_words(n_elements, elements, words, 0);
    return _keccak_checked_words(words, 4 * n_elements, 1);
}

// The keccak of the 32-byte big-endian encodings of elements[0..n_elements), big-endian.
func keccak_uint256s_bigend{
    range_check_ptr, bitwise_ptr: BitwiseBuiltin*, keccak_ptr: KeccakBuiltin*
}(n_elements: felt, elements: Uint256*) -> (res: Uint256) {
    alloc_locals;
    let (words) = alloc();
    _uint256s_to_words(n_elements, elements, words, 1);
    let (digest) = _keccak_checked_words(words, 4 * n_elements, 1);
    let (res) = uint256_reverse_endian(digest);
    return (res=res);
}

// keccak_uint256s of the felts, each taken as a Uint256.
func keccak_felts{range_check_ptr, bitwise_ptr: BitwiseBuiltin*, keccak_ptr: KeccakBuiltin*}(
    n_elements: felt, elements: felt*
) -> (res: Uint256) {
    alloc_locals;
    let (numbers: Uint256*) = alloc();
    _felts_to_uint256s(n_elements, elements, numbers);
    return keccak_uint256s(n_elements, numbers);
}

// keccak_uint256s_bigend of the felts, each taken as a Uint256.
func keccak_felts_bigend{range_check_ptr, bitwise_ptr: BitwiseBuiltin*, keccak_ptr: KeccakBuiltin*}(
    n_elements: felt, elements: felt*
) -> (res: Uint256) {
    alloc_locals;
    let (numbers: Uint256*) = alloc();
    _felts_to_uint256s(n_elements, elements, numbers);
    return keccak_uint256s_bigend(n_elements, numbers);
}

// The keccak of n_bytes bytes given as little-endian 64-bit words (the last one holding the
// n_bytes % 8 remaining bytes, if any).
func keccak{range_check_ptr, bitwise_ptr: BitwiseBuiltin*, keccak_ptr: KeccakBuiltin*}(
    inputs: felt*, n_bytes: felt
) -> (res: Uint256) {
    alloc_locals;
    let (n_words, tail_bytes) = unsigned_div_rem(n_bytes, 8);
    with_attr error_message("keccak: an input word is not below 2**64.") {
        _check_words(inputs, n_words);
    }
    if (tail_bytes == 0) {
        return _keccak_checked_words(inputs, n_words, 1);
    }
    local tail = inputs[n_words];
    let tail_bound = _pow256(tail_bytes);
    with_attr error_message("keccak: the last word has more than n_bytes % 8 bytes.") {
        assert_nn_le(tail, tail_bound - 1);
    }
    // The first padding byte (0x01) follows the tail's bytes in the same word.
    return _keccak_checked_words(inputs, n_words, tail + tail_bound);
}

// keccak, as a big-endian number.
func keccak_bigend{range_check_ptr, bitwise_ptr: BitwiseBuiltin*, keccak_ptr: KeccakBuiltin*}(
    inputs: felt*, n_bytes: felt
) -> (res: Uint256) {
    alloc_locals;
    let (digest) = keccak(inputs, n_bytes);
    let (res) = uint256_reverse_endian(digest);
    return (res=res);
}

func _pow256(n: felt) -> felt {
    if (n == 0) {
        return 1;
    }
    let rest = _pow256(n - 1);
    return rest * 256;
}

func _check_words{range_check_ptr}(words: felt*, n: felt) {
    if (n == 0) {
        return ();
    }
    assert [range_check_ptr] = words[0];
    assert [range_check_ptr + 1] = (WORD_BOUND - 1) - words[0];
    let range_check_ptr = range_check_ptr + 2;
    return _check_words(words + 1, n - 1);
}

func _felts_to_uint256s{range_check_ptr}(n: felt, felts: felt*, out: Uint256*) {
    if (n == 0) {
        return ();
    }
    let value = felt_to_uint256(felts[0]);
    assert out[0] = value;
    return _felts_to_uint256s(n - 1, felts + 1, out + Uint256.SIZE);
}

// Four 64-bit words per element: its 32 bytes, little-endian or (bigend = 1) big-endian.
func _uint256s_to_words{range_check_ptr, bitwise_ptr: BitwiseBuiltin*}(
    n: felt, elements: Uint256*, words: felt*, bigend: felt
) {
    alloc_locals;
    if (n == 0) {
        return ();
    }
    uint256_check(elements[0]);
    let (number) = _maybe_reverse(elements[0], bigend);
    let (w0, w1) = split_64(number.low);
    assert words[0] = w0;
    assert words[1] = w1;
    let (w2, w3) = split_64(number.high);
    assert words[2] = w2;
    assert words[3] = w3;
    return _uint256s_to_words(n - 1, elements + Uint256.SIZE, words + 4, bigend);
}

func _maybe_reverse{bitwise_ptr: BitwiseBuiltin*}(a: Uint256, bigend: felt) -> (res: Uint256) {
    if (bigend == 0) {
        return (res=a);
    }
    return uint256_reverse_endian(a);
}

// The digest of words[0..n_words) followed by pad_word (the tail bytes, if any, then the first
// padding byte 0x01), zero words and the last padding byte 0x80 at the end of the last block.
// Words must already be below 2**64.
func _keccak_checked_words{range_check_ptr, bitwise_ptr: BitwiseBuiltin*, keccak_ptr: KeccakBuiltin*}(
    words: felt*, n_words: felt, pad_word: felt
) -> (res: Uint256) {
    alloc_locals;
    let (padded) = alloc();
    memcpy(padded, words, n_words);
    let (n_blocks_, _) = unsigned_div_rem(n_words + BLOCK_WORDS, BLOCK_WORDS);
    local n_blocks = n_blocks_;
    local last = n_blocks * BLOCK_WORDS - 1;
    if (last == n_words) {
        assert padded[n_words] = pad_word + 2 ** 63;
    } else {
        assert padded[n_words] = pad_word;
        memset(padded + n_words + 1, 0, last - n_words - 1);
        assert padded[last] = 2 ** 63;
    }
    let (state) = _absorb(padded, n_blocks, KeccakBuiltinState(0, 0, 0, 0, 0, 0, 0, 0));
    let (res) = _digest(state);
    return (res=res);
}

// x = hi * base + lo with lo < base (base a power of two; x below 2**251).
func _split{bitwise_ptr: BitwiseBuiltin*}(x: felt, base: felt) -> (lo: felt, hi: felt) {
    let (lo) = bitwise_and(x, base - 1);
    return (lo=lo, hi=(x - lo) / base);
}

// Absorbs n_blocks blocks of 17 words into state.
func _absorb{bitwise_ptr: BitwiseBuiltin*, keccak_ptr: KeccakBuiltin*}(
    words: felt*, n_blocks: felt, state: KeccakBuiltinState
) -> (state: KeccakBuiltinState) {
    alloc_locals;
    if (n_blocks == 0) {
        return (state=state);
    }
    // The 200-bit felts cut words 3, 6, 9, 12 and 15 after 8, 16, 24, 32 and 40 bits.
    let (lo3, hi3) = _split(words[3], 2 ** 8);
    local lo3 = lo3;
    local hi3 = hi3;
    let (lo6, hi6) = _split(words[6], 2 ** 16);
    local lo6 = lo6;
    local hi6 = hi6;
    let (lo9, hi9) = _split(words[9], 2 ** 24);
    local lo9 = lo9;
    local hi9 = hi9;
    let (lo12, hi12) = _split(words[12], 2 ** 32);
    local lo12 = lo12;
    local hi12 = hi12;
    let (lo15, hi15) = _split(words[15], 2 ** 40);
    local lo15 = lo15;
    local hi15 = hi15;
    let (x0) = bitwise_xor(state.s0, words[0] + words[1] * 2 ** 64 + words[2] * 2 ** 128 + lo3 * 2 ** 192);
    assert keccak_ptr.input.s0 = x0;
    let (x1) = bitwise_xor(state.s1, hi3 + words[4] * 2 ** 56 + words[5] * 2 ** 120 + lo6 * 2 ** 184);
    assert keccak_ptr.input.s1 = x1;
    let (x2) = bitwise_xor(state.s2, hi6 + words[7] * 2 ** 48 + words[8] * 2 ** 112 + lo9 * 2 ** 176);
    assert keccak_ptr.input.s2 = x2;
    let (x3) = bitwise_xor(state.s3, hi9 + words[10] * 2 ** 40 + words[11] * 2 ** 104 + lo12 * 2 ** 168);
    assert keccak_ptr.input.s3 = x3;
    let (x4) = bitwise_xor(state.s4, hi12 + words[13] * 2 ** 32 + words[14] * 2 ** 96 + lo15 * 2 ** 160);
    assert keccak_ptr.input.s4 = x4;
    let (x5) = bitwise_xor(state.s5, hi15 + words[16] * 2 ** 24);
    assert keccak_ptr.input.s5 = x5;
    assert keccak_ptr.input.s6 = state.s6;
    assert keccak_ptr.input.s7 = state.s7;
    let output = keccak_ptr.output;
    let keccak_ptr = keccak_ptr + KeccakBuiltin.SIZE;
    return _absorb(words + BLOCK_WORDS, n_blocks - 1, output);
}

// The first 32 bytes of the state as a little-endian Uint256.
func _digest{bitwise_ptr: BitwiseBuiltin*}(state: KeccakBuiltinState) -> (res: Uint256) {
    alloc_locals;
    let (low, s0_high) = _split(state.s0, 2 ** 128);
    local low = low;
    local s0_high = s0_high;
    let (s1_low, _) = _split(state.s1, 2 ** 56);
    return (res=Uint256(low=low, high=s0_high + s1_low * 2 ** 72));
}
