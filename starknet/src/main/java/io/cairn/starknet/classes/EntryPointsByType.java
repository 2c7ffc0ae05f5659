package io.cairn.starknet.classes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A class's entry points grouped as its {@code entry_points_by_type} holds them. The hashes take the groups in the
 * order EXTERNAL, L1_HANDLER, CONSTRUCTOR.
 */
public record EntryPointsByType<E>(List<E> external, List<E> l1Handler, List<E> constructor) {
  public EntryPointsByType {
    external = List.copyOf(external);
    l1Handler = List.copyOf(l1Handler);
    constructor = List.copyOf(constructor);
  }

  /** Reads one entry of a group; {@code path} is that entry's JSON path. */
  interface EntryReader<E> {
    E read(ObjectNode entry, String path);
  }

  /** A missing group is empty (older artifacts omit empty ones); an unknown group name is an error. */
  static <E> EntryPointsByType<E> parse(JsonNode node, String path, EntryReader<E> reader) {
    ObjectNode groups = Json.object(node, path);
    for (Map.Entry<String, JsonNode> group : groups.properties()) {
      String name = group.getKey();
      if (!name.equals("EXTERNAL") && !name.equals("L1_HANDLER") && !name.equals("CONSTRUCTOR"))
        throw Json.error(Json.child(path, name), "unknown entry point type (expected EXTERNAL, L1_HANDLER or CONSTRUCTOR)");
    }
    return new EntryPointsByType<>(
        group(groups, path, "EXTERNAL", reader),
        group(groups, path, "L1_HANDLER", reader),
        group(groups, path, "CONSTRUCTOR", reader));
  }

  private static <E> List<E> group(ObjectNode groups, String path, String name, EntryReader<E> reader) {
    JsonNode n = groups.get(name);
    if (n == null || n.isNull()) return List.of();
    String groupPath = Json.child(path, name);
    ArrayNode a = Json.array(n, groupPath);
    List<E> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      String entryPath = Json.index(groupPath, i);
      out.add(reader.read(Json.object(a.get(i), entryPath), entryPath));
    }
    return out;
  }
}
