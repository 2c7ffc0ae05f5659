package io.cairn.bench.lang;

/**
 * Generates a Cairo 0 program of a given number of functions (about 25 lines each) exercising
 * structs, pointers, locals, tempvars, compound expressions, if/else, implicit arguments, calls and
 * tail calls. {@code java -cp benchmarks.jar io.cairn.bench.lang.SyntheticProgram 230 > big.cairo}
 */
public final class SyntheticProgram {
  private SyntheticProgram() {}

  public static String generate(int functions) {
    StringBuilder sb = new StringBuilder();
    sb.append("%builtins output range_check\n");
    sb.append("from starkware.cairo.lang.compiler.lib.registers import get_fp_and_pc\n\n");
    sb.append("struct Point {\n    x: felt,\n    y: felt,\n}\n\n");
    for (int i = 0; i < functions; i++) {
      String prev = i == 0 ? null : "f" + (i - 1);
      sb.append("// Function ").append(i).append(".\n");
      sb.append("func f").append(i).append("{range_check_ptr}(a: felt, p: Point*) -> (res: felt) {\n");
      sb.append("    alloc_locals;\n");
      sb.append("    local s = a * 3 + p.x;\n");
      sb.append("    tempvar t = s * s + p.y - ").append(i).append(";\n");
      sb.append("    let q = p + Point.SIZE;\n");
      sb.append("    assert [range_check_ptr] = t;\n");
      sb.append("    let range_check_ptr = range_check_ptr + 1;\n");
      sb.append("    if (a == ").append(i % 7).append(") {\n");
      sb.append("        tempvar u = s + t;\n");
      sb.append("        assert q.x = u;\n");
      sb.append("    } else {\n");
      sb.append("        tempvar u = s - t;\n");
      sb.append("        assert q.y = u;\n");
      sb.append("    }\n");
      if (prev != null) {
        sb.append("    let (r) = ").append(prev).append("(a + 1, q);\n");
        sb.append("    if (r == 0) {\n");
        sb.append("        return (res=s);\n");
        sb.append("    }\n");
        sb.append("    return ").append(prev).append("(r, p);\n");
      } else {
        sb.append("    return (res=s + t);\n");
      }
      sb.append("}\n\n");
    }
    sb.append("func main{output_ptr: felt*, range_check_ptr}() {\n");
    sb.append("    alloc_locals;\n");
    sb.append("    local pt: Point = Point(x=1, y=2);\n");
    sb.append("    let (__fp__, _) = get_fp_and_pc();\n");
    sb.append("    let (r) = f").append(functions - 1).append("(5, &pt);\n");
    sb.append("    assert [output_ptr] = r;\n");
    sb.append("    let output_ptr = output_ptr + 1;\n");
    sb.append("    return ();\n");
    sb.append("}\n");
    return sb.toString();
  }

  public static void main(String[] args) {
    System.out.print(generate(args.length > 0 ? Integer.parseInt(args[0]) : 230));
  }
}
