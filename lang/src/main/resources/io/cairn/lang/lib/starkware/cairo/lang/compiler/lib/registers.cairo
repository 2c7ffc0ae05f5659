// Cairn's copy of the module every cairo-compile run loads (the 'new' operator calls its get_ap).
// Used only when no directory on the cairo path provides this module.

// The caller's fp and the return pc: the call instruction stored them at [ap - 2] and [ap - 1],
// so this function is a bare 'ret'.
func get_fp_and_pc() -> (fp_val: felt*, pc_val: felt*) {
    return (fp_val=cast([ap - 2], felt*), pc_val=cast([ap - 1], felt*));
}

// The value ap had just before the call: two cells below the callee's fp.
@known_ap_change
func get_ap() -> (ap_val: felt*) {
    let (fp_val, pc_val) = get_fp_and_pc();
    return (ap_val=fp_val - 2);
}
