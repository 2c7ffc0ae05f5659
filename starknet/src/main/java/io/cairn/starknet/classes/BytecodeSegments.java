package io.cairn.starknet.classes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The tree a CASM class's {@code bytecode_segment_lengths} describes (the compiler's {@code NestedIntList}): a leaf is
 * a run of bytecode words, a node a sequence of children. The compiled class hash follows it, so that the OS can load
 * only the segments a run visits.
 */
public sealed interface BytecodeSegments {
  /** Total number of bytecode words covered. */
  long totalLength();

  record Leaf(int length) implements BytecodeSegments {
    public Leaf {
      if (length < 0) throw new IllegalArgumentException("negative segment length: " + length);
    }

    @Override
    public long totalLength() {
      return length;
    }
  }

  record Node(List<BytecodeSegments> children) implements BytecodeSegments {
    public Node {
      children = List.copyOf(children);
    }

    @Override
    public long totalLength() {
      long n = 0;
      for (BytecodeSegments c : children) n += c.totalLength();
      return n;
    }
  }

  /** An integer is a leaf; an array is a node of its elements. */
  static BytecodeSegments parse(JsonNode n, String path) {
    if (n instanceof ArrayNode a) {
      List<BytecodeSegments> children = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) children.add(parse(a.get(i), Json.index(path, i)));
      return new Node(children);
    }
    if (n != null && n.isIntegralNumber()) return new Leaf(Json.nonNegativeInt(n, path));
    throw Json.error(path, "expected a segment length or a list of them, found " + Json.describe(n));
  }
}
