// Cairn standard library: a point on the STARK curve (affine coordinates).
struct EcPoint {
    x: felt,
    y: felt,
}
