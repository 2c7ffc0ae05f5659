// Cairn standard library: ECDSA signatures on the STARK curve through the ecdsa builtin.
from cairn.common.cairo_builtins import SignatureBuiltin

// Fails (when the builtin checks the instance) unless (signature_r, signature_s) signs message
// with public_key.
func verify_ecdsa_signature{ecdsa_ptr: SignatureBuiltin*}(
    message, public_key, signature_r, signature_s
) {
    %{
        # cairn.signature.verify_ecdsa_signature
        ecdsa_builtin.add_signature(ids.ecdsa_ptr.address_, (ids.signature_r, ids.signature_s))
    %}
    assert ecdsa_ptr.message = message;
    assert ecdsa_ptr.pub_key = public_key;
    let ecdsa_ptr = ecdsa_ptr + SignatureBuiltin.SIZE;
    return ();
}
