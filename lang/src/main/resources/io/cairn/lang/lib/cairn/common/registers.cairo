// Cairn standard library: the registers, and the address of a label.
from starkware.cairo.lang.compiler.lib.registers import get_ap, get_fp_and_pc

// The absolute address of a label of this program.
func get_label_location(label_value: codeoffset) -> (res: felt*) {
    let (_, return_pc) = get_fp_and_pc();
    // The call above returns to 'after_call', so return_pc is that label's absolute address.
    after_call:
    return (res=return_pc + (label_value - after_call));
}
