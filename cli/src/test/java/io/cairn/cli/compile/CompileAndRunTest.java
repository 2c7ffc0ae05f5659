package io.cairn.cli.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles programs with `cairn compile` and runs them with `cairn run`: the output is the check. */
class CompileAndRunTest {
  @TempDir Path dir;

  private String compileAndRun(String source) throws Exception {
    Path src = dir.resolve("p.cairo"), json = dir.resolve("p.json");
    Files.writeString(src, source);
    CliHarness c = CliHarness.run("compile", src.toString(), "--output", json.toString());
    assertEquals(0, c.exitCode(), c.err());
    CliHarness r = CliHarness.run("run", json.toString(), "--layout", "small", "--print-output");
    assertEquals(0, r.exitCode(), r.err());
    return r.out().replace("Program output:", "").strip().replaceAll("\\s+", " ");
  }

  @Test
  void constructsComputeWhatTheySay() throws Exception {
    String out = compileAndRun("""
        %builtins output
        from starkware.cairo.lang.compiler.lib.registers import get_fp_and_pc

        struct Point {
            x: felt,
            y: felt,
        }

        func fib(a, b, n) -> felt {
            if (n == 0) {
                return a;
            }
            return fib(b, a + b, n - 1);
        }

        func norm(p: Point*) -> (r: felt) {
            return (r=p.x * p.x + p.y * p.y);
        }

        func emit{output_ptr: felt*}(v) {
            assert [output_ptr] = v;
            let output_ptr = output_ptr + 1;
            return ();
        }

        func sum(arr: felt*, n) -> felt {
            if (n == 0) {
                return 0;
            }
            let rest = sum(arr + 1, n - 1);
            return arr[0] + rest;
        }

        func main{output_ptr: felt*}() {
            alloc_locals;
            tempvar arr: felt* = new (1, 2, 3, 4);
            let s = sum(arr, 4);
            local p: Point = Point(x=3, y=4);
            let (__fp__, _) = get_fp_and_pc();
            let (n) = norm(&p);
            emit(n);
            let f = fib(0, 1, 10);
            emit(f);
            tempvar q = 'hi' + 2 ** 8;
            emit(q);
            if (n != 25) {
                emit(1);
            } else {
                emit(0);
            }
            emit(s);
            emit(-1 / 2 * 2);
            if (s == 10 and n == 25) {
                emit(7);
                return ();
            }
            emit(8);
            return ();
        }
        """);
    // -1/2*2 is -1 in the field: p - 1, printed signed or not depending on the runner's format.
    String[] values = out.split(" ");
    assertEquals("25 55 26985 0 10", String.join(" ", java.util.Arrays.copyOf(values, 5)));
    org.junit.jupiter.api.Assertions.assertTrue(values[5].equals("-1")
        || values[5].equals("3618502788666131213697322783095070105623107215331596699973092056135872020480"), values[5]);
    assertEquals("7", values[6]);
    assertEquals(7, values.length);
  }
}
