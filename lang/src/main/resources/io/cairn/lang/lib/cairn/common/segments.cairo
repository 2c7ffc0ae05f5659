// Cairn standard library: memory segments.

// Relocates the temporary segment starting at src_ptr to dest_ptr when the run ends.
func relocate_segment(src_ptr: felt*, dest_ptr: felt*) {
    %{
        # cairn.segments.relocate_segment
        memory.add_relocation_rule(src_ptr=ids.src_ptr, dest_ptr=ids.dest_ptr)
    %}
    // Holds once the rule applies; it also makes the run fail if the rule was not added.
    assert src_ptr = dest_ptr;
    return ();
}
