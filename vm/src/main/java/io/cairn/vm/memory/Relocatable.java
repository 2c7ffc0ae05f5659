package io.cairn.vm.memory;

import java.math.BigInteger;

/** An address (segment, offset); negative segments are temporary ones. */
public record Relocatable(int segment, long offset) implements MaybeRelocatable {

  @Override
  public Relocatable add(BigInteger v) {
    return add(Field.toSignedLong(v, "relocatable offset"));
  }

  @Override
  public Relocatable add(long v) {
    long o = offset + v;
    if (o < 0) throw new VmError("address offset became negative: " + this + " + " + v);
    return new Relocatable(segment, o);
  }

  /** this − other, both in the same segment. */
  public long sub(Relocatable other) {
    if (other.segment != segment)
      throw new VmError("cannot subtract addresses of different segments: " + this + " - " + other);
    return offset - other.offset;
  }

  @Override
  public String toString() {
    return segment + ":" + offset;
  }
}
